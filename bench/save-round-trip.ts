import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { jurisdictions, memberships, users } from '../db/schema';
import { loadActor } from '../lib/data/actor';
import { unsafeCreateApiToken } from '../lib/data/api-tokens';
import { startAssessment } from '../lib/data/assessments';
import { profileSlots } from '../lib/domain/profile';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { createScratchDatabase } from './scratch-database';
import { percentile, type Figure } from './stats';

// Chosen free when each server starts (timedSave reads it).
let PORT = 0;
const doc = (i: number) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Benchmark bullet, save number ${i}, with a sentence of ordinary length for a profile.` }] }] }] }],
});

/** Seeds 4 profiles (52 parts) for one consultant and returns an API token and the parts. */
export async function seed(target: { dataDir: string } | { url: string }) {
  setDbHandle('dataDir' in target ? await openPglite(target.dataDir) : await openPostgres(target.url));
  const db = await getDb();
  const [user] = await db.insert(users).values({ email: 'bench@example.org', name: 'Bench' }).returning();
  const parts: Array<{ id: string; section: string; part: string }> = [];
  for (let i = 0; i < 4; i++) {
    const [j] = await db.insert(jurisdictions).values({ slug: `bench-${i}`, name: `Bench ${i}`, level: 'municipality', country: 'Benchland' }).returning();
    await db.insert(memberships).values({ userId: user.id, jurisdictionId: j.id, role: 'consultant' });
    const actor = (await loadActor(user.id, 'token'))!;
    const { id } = await startAssessment(actor, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) parts.push({ id, ...slot });
  }
  const { token } = await unsafeCreateApiToken('bench@example.org');
  await closeDb();
  return { token, parts };
}

async function timedSave(token: string, p: { id: string; section: string; part: string }, baseRevision: number, i: number) {
  const started = performance.now();
  const response = await fetch(`http://localhost:${PORT}/api/v1/assessments/${p.id}/sections/${p.section}/${p.part}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ doc: doc(i), baseRevision }),
  });
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`save failed: ${response.status} ${await response.text()}`);
  return { ms, revision: ((await response.json()) as { revision: number }).revision };
}

/** Save round trips over HTTP against a production server: one editor, then 50 at once on different parts. */
export async function benchSaves(kind: 'embedded' | 'postgres', baseUrl?: string): Promise<Figure[]> {
  const env: Record<string, string> = {};
  let dropDb: (() => Promise<void>) | undefined;
  if (kind === 'embedded') {
    const dir = path.resolve('.data/bench-embedded');
    fs.rmSync(dir, { recursive: true, force: true });
    env.MGI_DATA_DIR = dir;
    env.DATABASE_URL = '';
  } else {
    const scratch = await createScratchDatabase(baseUrl!, 'mgi_bench');
    env.DATABASE_URL = scratch.url;
    dropDb = scratch.drop;
  }
  const { token, parts } = await seed(kind === 'embedded' ? { dataDir: env.MGI_DATA_DIR } : { url: env.DATABASE_URL });

  PORT = await freePort();
  const server = await startAppServer(PORT, env);
  try {
    // Warm up the server (first requests compile and open the database).
    let revision = 0;
    for (let i = 0; i < 10; i++) revision = (await timedSave(token, parts[0], revision, i)).revision;
    const single: number[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await timedSave(token, parts[0], revision, i);
      revision = r.revision;
      single.push(r.ms);
    }
    // 50 editors, each on its own part, saving at autosave pace: a save, then
    // 0.5 to 1.5 s of typing (the editor debounces 800 ms after the last key).
    // The pause is random so that the simulated editors do not fall into
    // lockstep, which real people typing independently never do.
    const many: number[] = [];
    await Promise.all(
      parts.slice(1, 51).map(async (p, n) => {
        await new Promise((r) => setTimeout(r, n * 20)); // editors do not start in lockstep
        let rev = 0;
        for (let i = 0; i < 20; i++) {
          const r = await timedSave(token, p, rev, i);
          rev = r.revision;
          many.push(r.ms);
          await new Promise((r2) => setTimeout(r2, 500 + Math.random() * 1000));
        }
      }),
    );
    const label = kind === 'embedded' ? 'embedded PGlite' : 'PostgreSQL';
    return [
      { name: `save, 1 editor, p50 (${label})`, value: percentile(single, 50), unit: 'ms' },
      { name: `save, 1 editor, p95 (${label})`, value: percentile(single, 95), unit: 'ms', target: { value: 30, better: 'lower' } },
      { name: `save, 50 editors at autosave pace, p50 (${label})`, value: percentile(many, 50), unit: 'ms' },
      { name: `save, 50 editors at autosave pace, p95 (${label})`, value: percentile(many, 95), unit: 'ms', target: { value: 150, better: 'lower' } },
    ];
  } finally {
    await stopAppServer(server);
    await dropDb?.();
  }
}

