#!/usr/bin/env node
// `npm test`: every check in one go — lint, type-check, unit and integration
// tests (PGlite, and PostgreSQL when DATABASE_URL is set), then Playwright
// against a production build. Ends with one line "N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  // Lint and type-check each keep about one core busy: they run side by side (`together`), their
  // output printed when both are done.
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'], together: true },
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit'], together: true },
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

/** Runs one step; a step run `together` with others has its output kept and printed at its end. */
function run(step, { buffered }) {
  if (step.report) fs.rmSync(step.report, { force: true });
  if (!buffered) console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const child = spawn(step.cmd[0], step.cmd.slice(1), { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...step.env } });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  // A command that cannot start (npx missing) fails its step; 'close' follows.
  child.on('error', (error) => (buffered ? output.push(Buffer.from(`${error.message}\n`)) : console.error(error.message)));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      if (buffered) console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}\n${Buffer.concat(output).toString()}`);
      resolve({ step, status, seconds: Math.round((Date.now() - started) / 1000) });
    });
  });
}

/** The steps in order, those marked `together` next to each other run at once. */
function groups() {
  const out = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (step.together && last?.[0].together) last.push(step);
    else out.push([step]);
  }
  return out;
}

let passed = 0;
let failed = 0;
const summary = [];
for (const group of groups()) {
  const results = await Promise.all(group.map((step) => run(step, { buffered: group.length > 1 })));
  for (const { step, status, seconds } of results) {
    const counts = countsOf(step) ?? (status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    // A runner that crashed before reporting, or exited non-zero with no failed test, still fails.
    if (status !== 0 && counts.failed === 0) counts.failed = 1;
    passed += counts.passed;
    failed += counts.failed;
    summary.push(`${step.name.padEnd(11)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  ${seconds}s`);
  }
}
console.log(`\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
