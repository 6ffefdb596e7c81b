import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupError, restoreBackup, writeBackup } from '../../db/backup';
import { getDb } from '../../db/client';
import { startAssessment } from '../../lib/data/assessments';
import { startThread } from '../../lib/data/comments-anchor';
import { unsafeImportDemoEditions, unsafeSeedDemoData } from '../../lib/data/demo-seed';
import { getEdition, listEditions } from '../../lib/data/editions';
import { savePart } from '../../lib/data/parts';
import { rowsOf } from '../../lib/data/sql-rows';
import { seedJurisdiction, seedUser } from '../support/seed';
import { openFreshDatabase, type Target } from '../support/test-db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** Every table's rows, as PostgreSQL prints them: equal snapshots mean an exact restore. */
async function snapshot() {
  const db = await getDb();
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`),
  ).map((t) => t.name);
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t] = rowsOf<{ r: string }>(await db.execute(sql`select t::text as r from ${sql.raw(`"${t}"`)} t`))
      .map((x) => x.r)
      .sort();
  }
  return out;
}

async function fillWithWork() {
  await unsafeSeedDemoData();
  await unsafeImportDemoEditions();
  const j = await seedJurisdiction({ slug: 'quito', name: 'Quito', country: 'Ecuador' });
  const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
  const { id } = await startAssessment(consultant, { jurisdiction: 'quito', language: 'es' });
  await savePart(consultant, { assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc: doc('Texto con «comillas», emoji 🌍 y\ttabulación.'), baseRevision: 0 });
  await startThread(consultant, id, { section: 'partnerships', part: 'strengths', quote: 'comillas', body: '¿Y esto?' });
}

const routes: Array<[Target, Target]> = process.env.DATABASE_URL
  ? [
      ['pglite', 'pglite'],
      ['pglite', 'postgres'],
      ['postgres', 'pglite'],
    ]
  : [['pglite', 'pglite']];

describe.each(routes)('a backup from %s restored into %s', (from, to) => {
  const file = path.join(dir, `${from}-${to}.mgi-backup.gz`);

  it('brings back every row exactly, and the same editions', async () => {
    let close = await openFreshDatabase(from);
    await fillWithWork();
    const before = await snapshot();
    const edition = await getEdition('huaquillas', { year: 2024, month: 6 });
    const counts = await writeBackup(await getDb(), file);
    expect(counts.editions).toBe(3);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    await close();

    close = await openFreshDatabase(to);
    try {
      const restored = await restoreBackup(await getDb(), file);
      expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
      expect(await snapshot()).toEqual(before);
      expect(await getEdition('huaquillas', { year: 2024, month: 6 })).toEqual(edition);
      expect(await listEditions({ jurisdiction: 'sonora' })).toHaveLength(1);

      // Not twice: the database is no longer empty, and nothing changes.
      await expect(restoreBackup(await getDb(), file)).rejects.toThrow(/not empty/);
      expect(await snapshot()).toEqual(before);
    } finally {
      await close();
    }
  });
});

describe('a damaged backup restores nothing', () => {
  it('refuses a file cut short, one with a wrong row count, and one that is not a backup', async () => {
    const close = await openFreshDatabase('pglite');
    try {
      await fillWithWork();
      const good = path.join(dir, 'good.gz');
      await writeBackup(await getDb(), good);
      const lines = gunzipSync(fs.readFileSync(good)).toString('utf8').trimEnd().split('\n');
      await close();

      const reopened = await openFreshDatabase('pglite');
      try {
        const empty = await snapshot();
        const cut = path.join(dir, 'cut.gz');
        fs.writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
        await expect(restoreBackup(await getDb(), cut)).rejects.toThrow(/incomplete/);

        const missingRow = path.join(dir, 'missing-row.gz');
        fs.writeFileSync(missingRow, gzipSync([...lines.slice(0, -2), ...lines.slice(-1)].join('\n')));
        await expect(restoreBackup(await getDb(), missingRow)).rejects.toThrow(/damaged/);

        const notBackup = path.join(dir, 'not.gz');
        fs.writeFileSync(notBackup, 'hello');
        await expect(restoreBackup(await getDb(), notBackup)).rejects.toBeInstanceOf(BackupError);
        await expect(restoreBackup(await getDb(), path.join(dir, 'absent.gz'))).rejects.toThrow(/no file/);
        expect(await snapshot()).toEqual(empty);
      } finally {
        await reopened();
      }
    } finally {
      await close().catch(() => {});
    }
  });
});
