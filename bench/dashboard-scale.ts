import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPostgres } from '../db/open-postgres';
import { unsafeCreateApiToken } from '../lib/data/api-tokens';
import { profileSlots } from '../lib/domain/profile';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { percentile, type Figure } from './stats';


/**
 * Generates a portfolio in plain SQL: `jurisdictions` × 10 profiles (7 published,
 * then one draft, one in review, one approved), 13 parts each, and `revisions`
 * revision rows spread over the parts. Three people: an admin, a consultant and
 * a focal point with 50 jurisdictions each.
 */
export async function generate(size: { jurisdictions: number; revisions: number }) {
  const db = await getDb();
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  await run(sql`INSERT INTO jurisdictions (slug, name, level, country)
    SELECT 'j-' || i, 'Jurisdiction ' || lpad(i::text, 5, '0'), 'municipality', 'Country ' || (i % 50) FROM generate_series(1, ${size.jurisdictions}) i`);
  await run(sql`INSERT INTO assessments (jurisdiction_id, language, title, state)
    SELECT j.id, (ARRAY['en','fr','es'])[(k % 3) + 1]::content_language, 'Profile ' || k,
      (CASE WHEN k <= 7 THEN 'published' WHEN k = 8 THEN 'draft' WHEN k = 9 THEN 'in_review' ELSE 'approved' END)::assessment_state
    FROM jurisdictions j CROSS JOIN generate_series(1, 10) k`);
  const slots = sql.join(profileSlots.map((s) => sql`(${s.section}, ${s.part})`), sql`, `);
  await run(sql`INSERT INTO assessment_parts (assessment_id, section, part, doc, revision)
    SELECT a.id, s.section, s.part, '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb, 0
    FROM assessments a CROSS JOIN (VALUES ${slots}) AS s(section, part)`);
  const perPart = Math.ceil(size.revisions / (size.jurisdictions * 10 * 13));
  await run(sql`INSERT INTO part_revisions (assessment_id, section, part, revision, doc)
    SELECT p.assessment_id, p.section, p.part, r, '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Generated revision text."}]}]}'::jsonb
    FROM assessment_parts p CROSS JOIN generate_series(1, ${perPart}) r LIMIT ${size.revisions}`);
  await run(sql`INSERT INTO assessment_transitions (assessment_id, action, from_state, to_state, note)
    SELECT id, 'submit', 'draft', 'in_review', 'generated' FROM assessments WHERE state IN ('in_review', 'approved')`);
  await run(sql`INSERT INTO users (email, name, is_admin) VALUES
    ('admin@bench.org', 'Admin', true), ('consultant@bench.org', 'Consultant', false), ('focal@bench.org', 'Focal', false)`);
  for (const [email, role] of [['consultant@bench.org', 'consultant'], ['focal@bench.org', 'focal_point']] as const) {
    await run(sql`INSERT INTO memberships (user_id, jurisdiction_id, role)
      SELECT u.id, j.id, ${role}::jurisdiction_role FROM users u, (SELECT id FROM jurisdictions ORDER BY slug LIMIT 50) j WHERE u.email = ${email}`);
  }
  await run(sql`ANALYZE`);
  return {
    admin: (await unsafeCreateApiToken('admin@bench.org')).token,
    consultant: (await unsafeCreateApiToken('consultant@bench.org')).token,
    focal: (await unsafeCreateApiToken('focal@bench.org')).token,
  };
}

type Tokens = Awaited<ReturnType<typeof generate>>;
const pages = {
  consultant: { path: '/', who: 'consultant' },
  focal: { path: '/', who: 'focal' },
  admin: { path: '/', who: 'admin' },
  portfolio: { path: '/admin/portfolio?sort=state&dir=desc', who: 'admin' },
} as const;
type PageKey = keyof typeof pages;

async function timeOnce(url: string, token: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

/** Creates a scratch database, fills it, and starts a production server on it. */
async function prepare(baseUrl: string, size: { jurisdictions: number; revisions: number }, port: number) {
  const name = `mgi_bench_scale_${size.jurisdictions}_${Date.now()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  setDbHandle(await openPostgres(url.toString()));
  const tokens = await generate(size);
  await closeDb();
  const server = await startAppServer(port, { DATABASE_URL: url.toString() });
  return { name, tokens, server, base: `http://localhost:${port}` };
}

async function drop(baseUrl: string, name: string) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/**
 * Dashboard and portfolio p95 on 1,000 jurisdictions / 10,000 profiles /
 * 1,000,000 revisions, and the ratio to a database 1,000 times smaller. Both
 * servers run at once and their requests alternate, so that whatever else the
 * machine does in the meantime weighs on both sides of the ratio alike.
 */
export async function benchDashboards(baseUrl: string, samples = 300): Promise<Figure[]> {
  const big = await prepare(baseUrl, { jurisdictions: 1000, revisions: 1_000_000 }, await freePort());
  let small: Awaited<ReturnType<typeof prepare>> | undefined;
  try {
    small = await prepare(baseUrl, { jurisdictions: 1, revisions: 1000 }, await freePort());
    const times = { big: {} as Record<PageKey, number[]>, small: {} as Record<PageKey, number[]> };
    for (const key of Object.keys(pages) as PageKey[]) {
      times.big[key] = [];
      times.small[key] = [];
      const { path, who } = pages[key];
      for (let i = 0; i < samples + 10; i++) {
        const b = await timeOnce(big.base + path, big.tokens[who as keyof Tokens]);
        const s = await timeOnce(small.base + path, small.tokens[who as keyof Tokens]);
        if (i >= 10) {
          // the first few warm the servers up
          times.big[key].push(b);
          times.small[key].push(s);
        }
      }
    }
    const figures: Figure[] = [];
    for (const key of Object.keys(pages) as PageKey[]) {
      const label = key === 'portfolio' ? 'admin portfolio' : `dashboard (${key})`;
      const p = { big: percentile(times.big[key], 95), small: percentile(times.small[key], 95) };
      figures.push({ name: `${label}, p95, 1,000 jurisdictions / 1M revisions (PostgreSQL)`, value: p.big, unit: 'ms', target: { value: 100, better: 'lower' } });
      figures.push({ name: `${label}, p95 ratio to a 1,000× smaller database`, value: p.big / p.small, unit: '×', target: { value: 1.3, better: 'lower' } });
    }
    return figures;
  } finally {
    await stopAppServer(big.server);
    if (small) await stopAppServer(small.server);
    await drop(baseUrl, big.name);
    if (small) await drop(baseUrl, small.name);
  }
}
