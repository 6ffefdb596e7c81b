import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lostSaves, runLoad, seedLoad } from '../../bench/load-run';
import { percentile } from '../../bench/stats';
import { freshSeededDatabase, startInstances } from './support';

// 50 editors and 200 public reads a second for a minute, across two instances, as the scale-out
// issue asks (MGI_LOAD_SECONDS shortens it, MGI_LOAD_READS changes the rate, while working on
// it). Speed is reported, not asserted; `npm run bench` records it with the instances' stalls
// and memory. Edition pages come from Next's cache (one copy per window), so the public reads
// cost little beside the saves.
const seconds = Number(process.env.MGI_LOAD_SECONDS ?? 60);
const readsPerSecond = Number(process.env.MGI_LOAD_READS ?? 200);

describe.skipIf(!process.env.DATABASE_URL)('under load, on two instances', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let origins: string[] = [];
  let stop: () => Promise<unknown> = async () => {};
  let seeded: Awaited<ReturnType<typeof seedLoad>>;

  beforeAll(async () => {
    db = await freshSeededDatabase();
    seeded = await seedLoad();
    ({ origins, stop } = await startInstances(2, db.url));
  }, 180_000);

  afterAll(async () => {
    await stop();
    await db.drop();
  });

  it('answers every request and loses no acknowledged save', async () => {
    const result = await runLoad({ origins, token: seeded.token, parts: seeded.parts.slice(0, 50), seconds, readersPerSecond: readsPerSecond, readPaths: seeded.readPaths });
    console.log(
      `Load over ${seconds} s on 2 instances: ${result.acks.length} saves (p95 ${percentile(result.saveMs, 95).toFixed(1)} ms), ` +
        `${result.readMs.length} public reads (p95 ${percentile(result.readMs, 95).toFixed(1)} ms), ${result.errors.length} errors.`,
    );
    expect(result.errors).toEqual([]);
    // Progress, not speed (a busy CI machine saw p95 saves of 17 s): every editor had a save
    // acknowledged, and every read sent was answered.
    const partsAcked = new Set(result.acks.map((a) => `${a.id}/${a.section}/${a.part}`));
    expect(partsAcked.size).toBe(50);
    expect(result.readMs.length).toBe(result.readsSent);
    expect(await lostSaves(result.acks)).toEqual([]);
  }, 300_000);
});
