import { sql } from 'drizzle-orm';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { jurisdictions, users } from '../db/schema';
import { loadActor } from '../lib/data/actor';
import { rowsOf } from '../lib/data/sql-rows';
import { publishProfile } from '../lib/data/workflow';
import { profileSlots } from '../lib/domain/profile';
import type { Figure } from './stats';

/**
 * Approved profiles whose thirteen parts each have `revisions` saved
 * revisions, generated in SQL; one jurisdiction each, since editions are
 * one per jurisdiction, language and month.
 */
async function approvedProfiles(count: number, revisions: number, tag: string) {
  const db = await getDb();
  const slots = sql.join(profileSlots.map((s) => sql`(${s.section}, ${s.part})`), sql`, `);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [j] = await db.insert(jurisdictions).values({ slug: `pub-${tag}-${i}`, name: `Publish ${tag} ${i}`, level: 'municipality', country: 'Benchland' }).returning();
    const [{ id }] = rowsOf<{ id: string }>(
      await db.execute(sql`INSERT INTO assessments (jurisdiction_id, language, title, state)
        VALUES (${j.id}, 'en', ${`Profile ${tag} ${i}`}, 'approved') RETURNING id`),
    );
    ids.push(id);
    await db.execute(sql`INSERT INTO assessment_parts (assessment_id, section, part, doc, revision)
      SELECT ${id}, s.section, s.part, '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Final text."}]}]}'::jsonb, ${revisions}
      FROM (VALUES ${slots}) AS s(section, part)`);
    await db.execute(sql`INSERT INTO part_revisions (assessment_id, section, part, revision, doc)
      SELECT ${id}, s.section, s.part, r, '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Some revision."}]}]}'::jsonb
      FROM (VALUES ${slots}) AS s(section, part) CROSS JOIN generate_series(1, ${revisions}) r`);
    await db.execute(sql`INSERT INTO assessment_transitions (assessment_id, action, from_state, to_state)
      VALUES (${id}, 'submit', 'draft', 'in_review'), (${id}, 'approve', 'in_review', 'approved')`);
  }
  return ids;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Time to publish (freeze into an edition) with 10 versus 1,000 revisions per part, embedded database. */
export async function benchPublish(count = 15): Promise<Figure[]> {
  const handle = await openPglite(null);
  setDbHandle(handle);
  try {
    const db = await getDb();
    const [admin] = await db.insert(users).values({ email: 'publisher@bench.org', name: 'Publisher', isAdmin: true }).returning();
    const actor = (await loadActor(admin.id, 'token'))!;
    const few = await approvedProfiles(count, 10, 'few');
    const many = await approvedProfiles(count, 1000, 'many');
    const times = { few: [] as number[], many: [] as number[] };
    // Alternate, so that warm-up and drift weigh on both sides alike.
    for (let i = 0; i < count; i++) {
      for (const [key, ids] of [['few', few], ['many', many]] as const) {
        const started = performance.now();
        await publishProfile(actor, ids[i]);
        times[key].push(performance.now() - started);
      }
    }
    const a = median(times.few.slice(2));
    const b = median(times.many.slice(2));
    return [
      { name: 'publish, parts with 10 revisions, median (embedded)', value: a, unit: 'ms' },
      { name: 'publish, parts with 1,000 revisions, median (embedded)', value: b, unit: 'ms' },
      { name: 'publish time ratio, 1,000 ÷ 10 revisions', value: b / a, unit: '×', target: { value: 1.3, better: 'lower' } },
    ];
  } finally {
    await closeDb();
  }
}
