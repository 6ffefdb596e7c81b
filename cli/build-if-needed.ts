import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const sourceDirs = ['app', 'components', 'lib', 'db', 'messages', 'i18n', 'public'];
const sourceFiles = ['next.config.js', 'proxy.ts', 'instrumentation.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** The production HTTP server (server/main.ts), bundled into one file of the build. */
export function serverEntry(distDir: string) {
  return path.resolve(distDir, 'mgi-server.mjs');
}

/**
 * Bundles server/main.ts with its own modules (packages stay imports), so that
 * the server starts without compiling TypeScript: about half a second sooner.
 */
function bundleServer(distDir: string, sourcesChanged: number) {
  const entry = serverEntry(distDir);
  const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0;
  if (built > Math.max(newestMtime('server'), sourcesChanged)) return;
  const result = spawnSync(
    require.resolve('esbuild/bin/esbuild'),
    [
      'server/main.ts',
      '--bundle',
      '--platform=node',
      '--packages=external',
      // lib/data's `import 'server-only'` marks server code; plain Node would throw on it.
      '--alias:server-only=./server/server-only-stub.ts',
      '--format=esm',
      '--target=node20',
      `--outfile=${entry}`,
      '--log-level=warning',
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error('Bundling the server failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs `next build` when there is no build, or a source file is newer than it; then bundles the server. */
export function buildIfNeeded(distDir: string) {
  const buildId = path.join(distDir, 'BUILD_ID');
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changed = Math.max(...sourceDirs.map(newestMtime), ...sourceFiles.map(newestMtime));
  if (built > changed) return bundleServer(distDir, changed);
  console.log(built ? 'Sources changed since the last build: building…' : 'No production build yet: building (a minute or two)…');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
  bundleServer(distDir, changed);
}
