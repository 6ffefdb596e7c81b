#!/usr/bin/env node
// `npm test`: every check in one go — lint, type-check, unit and integration
// tests (PGlite, and PostgreSQL when DATABASE_URL is set), then Playwright
// against a production build. Ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'vitest', cmd: ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'integration'], report: 'test-results/vitest.json' },
  { name: 'playwright', cmd: ['npx', 'playwright', 'test'], report: 'test-results/playwright.json' },
  // Production servers on PostgreSQL, broken on purpose (tests/system); after Playwright, whose build they reuse.
  {
    name: 'system',
    cmd: ['npx', 'vitest', 'run', '--project', 'system'],
    env: { VITEST_REPORT: 'test-results/vitest-system.json' },
    report: 'test-results/vitest-system.json',
  },
];

function countsOf(step) {
  if (!step.report || !fs.existsSync(step.report)) return null;
  const report = JSON.parse(fs.readFileSync(step.report, 'utf8'));
  if (step.name === 'vitest' || step.name === 'system') {
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numRuntimeErrors ?? 0) };
  }
  const s = report.stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected };
}

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  if (step.report) fs.rmSync(step.report, { force: true });
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  const counts = countsOf(step) ?? (result.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  // A runner that crashed before reporting, or exited non-zero with no failed test, still fails.
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  summary.push(`${step.name.padEnd(11)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  ${seconds}s`);
}
console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
