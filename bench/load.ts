import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serverEntry } from '../cli/build-if-needed';
import { closeDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { lostSaves, runLoad, seedLoad } from './load-run';
import { createScratchDatabase } from './scratch-database';
import { percentile, type Figure } from './stats';

type Metrics = { eventLoopMaxMs: number; eventLoopP99Ms: number; peakRssMb: number };
const metricsOf = async (origin: string, reset = false): Promise<Metrics> =>
  (await fetch(`${origin}/__mgi/metrics${reset ? '?reset=1' : ''}`)).json() as Promise<Metrics>;

/**
 * The load run with figures: 50 editors and 200 public reads a second for a
 * minute over two instances on PostgreSQL (and 20 s on one embedded
 * instance), with each instance's longest event-loop stall and peak memory.
 */
export async function benchLoad(baseUrl: string | undefined): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (baseUrl) figures.push(...(await loadOn('postgres', baseUrl, 2, 60)));
  figures.push(...(await loadOn('embedded', undefined, 1, 20)));
  figures.push(await startTime());
  return figures;
}

async function loadOn(kind: 'postgres' | 'embedded', baseUrl: string | undefined, instances: number, seconds: number): Promise<Figure[]> {
  const env: Record<string, string> = { MGI_METRICS: '1', AUTH_SECRET: randomBytes(32).toString('base64url') };
  let drop = async () => {};
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase(baseUrl!, 'mgi_bench_load');
    env.DATABASE_URL = scratch.url;
    setDbHandle(await openPostgres(env.DATABASE_URL));
    drop = scratch.drop;
  } else {
    env.MGI_DATA_DIR = path.resolve('.data/bench-load');
    env.DATABASE_URL = '';
    fs.rmSync(env.MGI_DATA_DIR, { recursive: true, force: true });
    setDbHandle(await openPglite(env.MGI_DATA_DIR));
  }
  const seeded = await seedLoad();
  await closeDb();
  // Ports chosen by the system, so a run never collides with what else runs on the machine.
  const ports: number[] = [];
  for (let i = 0; i < instances; i++) ports.push(await freePort());
  const origins = ports.map((port) => `http://localhost:${port}`);
  const servers = [];
  for (const port of ports) servers.push(await startAppServer(port, env));
  try {
    // Warm up: the first rendering of each page, then measure from a clean window.
    for (const origin of origins) for (const p of seeded.readPaths) await (await fetch(`${origin}${p}`)).arrayBuffer();
    await Promise.all(origins.map((o) => metricsOf(o, true)));
    const result = await runLoad({ origins, token: seeded.token, parts: seeded.parts.slice(0, 50), seconds, readersPerSecond: 200, readPaths: seeded.readPaths });
    const metrics = await Promise.all(origins.map((o) => metricsOf(o)));
    await Promise.all(servers.splice(0).map(stopAppServer)); // the embedded database has one process at a time
    setDbHandle(kind === 'postgres' ? await openPostgres(env.DATABASE_URL) : await openPglite(env.MGI_DATA_DIR));
    const lost = await lostSaves(result.acks);
    await closeDb();
    const label = kind === 'postgres' ? `${instances} instances on PostgreSQL, ${seconds} s` : `1 embedded instance, ${seconds} s`;
    return [
      { name: `load (${label}): save p95`, value: percentile(result.saveMs, 95), unit: 'ms' },
      { name: `load (${label}): public read p95`, value: percentile(result.readMs, 95), unit: 'ms' },
      { name: `load (${label}): errors`, value: result.errors.length, unit: '', target: { value: 1, better: 'lower' } },
      { name: `load (${label}): acknowledged saves lost`, value: lost.length, unit: `of ${result.acks.length}`, target: { value: 1, better: 'lower' } },
      ...metrics.flatMap((m, i) => [
        { name: `load (${label}): longest event-loop stall, instance ${i + 1}`, value: m.eventLoopMaxMs, unit: 'ms', target: { value: 50, better: 'lower' as const } },
        { name: `load (${label}): peak memory, instance ${i + 1}`, value: m.peakRssMb, unit: 'MB', target: { value: 1024, better: 'lower' as const } },
      ]),
    ];
  } finally {
    await Promise.all(servers.map(stopAppServer));
    await drop();
  }
}

/** From starting the server process to its first served page, on an embedded database that already exists. */
async function startTime(): Promise<Figure> {
  const dir = path.resolve('.data/bench-load'); // left by the embedded load run: migrated, with data
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [serverEntry(process.env.MGI_DIST_DIR || '.next'), '--port', String(port)], {
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: '', MGI_DATA_DIR: dir, AUTH_SECRET: 'x'.repeat(32), NEXTAUTH_URL: `http://localhost:${port}` },
      stdio: 'ignore',
    });
    for (;;) {
      try {
        if ((await fetch(`http://localhost:${port}/profiles/huaquillas/2024-06`)).ok) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    runs.push(performance.now() - started);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  return { name: 'start to first served page, existing embedded database (median of 3)', value: percentile(runs, 50), unit: 'ms', target: { value: 1500, better: 'lower' } };
}
