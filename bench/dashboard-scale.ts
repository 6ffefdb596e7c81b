import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPostgres } from '../db/open-postgres';
import { unsafeCreateApiToken } from '../lib/data/api-tokens';
import { profileSlots } from '../lib/domain/profile';
import { startAppServer, stopAppServer } from './app-server';
import { percentile, type Figure } from './stats';

const PORT = 3304;

/**
 * Generates a portfolio in plain SQL: `jurisdictions` × 10 profiles (7 published,
 * then one draft, one in review, one approved), 13 parts each, and `revisions`
 * revision rows spread over the parts. Three people: an admin, a consultant and
 * a focal point with 50 jurisdictions each.
 */
async function generate(size: { jurisdictions: number; revisions: number }) {
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

async function p95(url: string, token: string, n = 60) {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await response.text();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    if (i >= 5) times.push(performance.now() - started); // the first few warm the server up
  }
  return percentile(times, 95);
}

async function measure(baseUrl: string, size: { jurisdictions: number; revisions: number }) {
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const name = `mgi_bench_scale_${size.jurisdictions}_${Date.now()}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    setDbHandle(await openPostgres(url.toString()));
    const tokens = await generate(size);
    await closeDb();
    const server = await startAppServer(PORT, { DATABASE_URL: url.toString() });
    try {
      const base = `http://localhost:${PORT}`;
      return {
        consultant: await p95(`${base}/`, tokens.consultant),
        focal: await p95(`${base}/`, tokens.focal),
        admin: await p95(`${base}/`, tokens.admin),
        portfolio: await p95(`${base}/admin/portfolio?sort=state&dir=desc`, tokens.admin),
      };
    } finally {
      await stopAppServer(server);
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Dashboard and portfolio p95 on 1,000 jurisdictions / 10,000 profiles / 1,000,000 revisions, and the ratio to a database 1,000 times smaller. */
export async function benchDashboards(baseUrl: string): Promise<Figure[]> {
  const big = await measure(baseUrl, { jurisdictions: 1000, revisions: 1_000_000 });
  const small = await measure(baseUrl, { jurisdictions: 1, revisions: 1000 });
  const figures: Figure[] = [];
  for (const key of ['consultant', 'focal', 'admin', 'portfolio'] as const) {
    const label = key === 'portfolio' ? 'admin portfolio' : `dashboard (${key})`;
    figures.push({ name: `${label}, p95, 1,000 jurisdictions / 1M revisions (PostgreSQL)`, value: big[key], unit: 'ms', target: { value: 100, better: 'lower' } });
    figures.push({ name: `${label}, p95 ratio to a 1,000× smaller database`, value: big[key] / small[key], unit: '×', target: { value: 1.3, better: 'lower' } });
  }
  return figures;
}
