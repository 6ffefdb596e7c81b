import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, stopAppServer } from '../../bench/app-server';

const require = createRequire(import.meta.url);

export type AppServer = { origin: string; dataDir: string; stop: () => Promise<void> };

async function answers(origin: string) {
  try {
    return (await fetch(`${origin}/login`)).ok;
  } catch {
    return false; // not listening yet
  }
}

/**
 * A production server of its own for one Playwright worker, on a free port,
 * on a fresh embedded database with the demo data (start-server.ts). Workers
 * never share a database, so specs that run at the same time cannot meet in
 * the demo profiles they edit. The build is made once, before any worker
 * (global-setup.ts). Its output goes to a log file beside the test results;
 * the end of it is shown if it fails to start.
 */
export async function startWorkerServer(): Promise<AppServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const dataDir = path.resolve(`.data/e2e-${port}`);
  const logFile = path.resolve(`test-results/e2e-servers/${port}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), '--conditions=react-server', 'e2e/support/start-server.ts'], {
    // Always the embedded database (DATABASE_URL blank = unset), in a folder of its own.
    env: { ...process.env, PORT: String(port), MGI_DATA_DIR: dataDir, NODE_ENV: 'production', DATABASE_URL: '' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  // Its database is thrown away with it.
  const stop = async () => {
    await stopAppServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // Generous: seeding and starting take seconds, but a loaded 2-core machine runs another worker beside it.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answers(origin)) return { origin, dataDir, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`The e2e server on port ${port} did not start (log: ${logFile}):\n${tail}`);
}
