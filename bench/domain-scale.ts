import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { listDomainComparison } from '../lib/data/domain-comparison';
import { COLUMNS_PER_PAGE, domainFilterQuery, type DomainFilter } from '../lib/domain/domain-filter';
import { domainKeys } from '../lib/domain/profile';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { createScratchDatabase } from './scratch-database';
import { percentile, type Figure } from './stats';

const JURISDICTIONS = 1000;
const sentence = (n: number) =>
  `Finding ${n}: the municipality coordinates with civil society organisations and national agencies to give migrants access to services, information and documentation.`;
const bullets = (from: number) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: Array.from({ length: 8 }, (_, i) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(from + i) }] }] })) }],
});
// About 25 KB of JSON, like a real profile: six domains × two parts × eight long bullets.
const content = {
  introduction: bullets(0),
  domains: Object.fromEntries(domainKeys.map((d, i) => [d, { strengths: bullets(i * 20), potential: bullets(i * 20 + 10) }])),
};

/** 1,000 jurisdictions with three editions each (one per content language, a year apart), in plain SQL. */
async function generate() {
  const db = await getDb();
  await db.execute(sql`INSERT INTO jurisdictions (slug, name, level, country)
    SELECT 'd-' || i, 'Jurisdiction ' || lpad(i::text, 5, '0'), (ARRAY['country','state','municipality'])[(i % 3) + 1]::jurisdiction_level, 'C' || (i % 50)
    FROM generate_series(1, ${JURISDICTIONS}) i`);
  await db.execute(sql`INSERT INTO editions (jurisdiction_id, language, year, month, title, content, jurisdiction, sign_off, note, published_at)
    SELECT j.id, (ARRAY['en','fr','es'])[((row_number() over ()) + k) % 3 + 1]::content_language, 2021 + k, 6, 'Profile ' || j.name || ' ' || k,
      ${JSON.stringify(content)}::jsonb, json_build_object('name', j.name, 'level', j.level, 'country', j.country)::jsonb,
      '{"submittedBy":null,"submittedAt":null,"approvedBy":null,"approvedAt":null,"publishedBy":null,"publishedAt":null,"resolvedComments":0,"importedFrom":"bench"}'::jsonb,
      'bench', make_date(2021 + k, 6, 1)
    FROM jurisdictions j CROSS JOIN generate_series(1, 3) k`);
  await db.execute(sql`ANALYZE`);
}

// What readers ask: everything, a country, a level, a content language, five chosen places, a later page.
const mix: Array<{ filter: DomainFilter; page: number }> = [
  { filter: { j: [] }, page: 1 },
  { filter: { country: 'C7', j: [] }, page: 1 },
  { filter: { level: 'state', j: [] }, page: 3 },
  { filter: { lang: 'fr', j: [] }, page: 1 },
  { filter: { j: ['d-3', 'd-141', 'd-592', 'd-777', 'd-999'] }, page: 1 },
  { filter: { j: [] }, page: 40 },
];

async function time(fn: () => Promise<unknown>) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function fetchOk(url: string) {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
}

/** The data query's and the page's latency over 1,000 jurisdictions on one database. */
async function measure(label: string, open: () => Promise<void>, serverEnv: Record<string, string>): Promise<Figure[]> {
  await open();
  await generate();
  const query: number[] = [];
  const all: number[] = [];
  try {
    for (let i = 0; i < 6 * 40; i++) {
      const { filter, page } = mix[i % mix.length];
      const domain = domainKeys[i % domainKeys.length];
      const t = await time(() => listDomainComparison(domain, filter, { limit: COLUMNS_PER_PAGE, offset: (page - 1) * COLUMNS_PER_PAGE }));
      if (i >= 12) query.push(t);
    }
    for (let i = 0; i < 23; i++) {
      const t = await time(() => listDomainComparison(domainKeys[i % 6], { j: [] }));
      if (i >= 3) all.push(t);
    }
  } finally {
    await closeDb();
  }
  const port = await freePort();
  const server = await startAppServer(port, serverEnv);
  const page: number[] = [];
  const csv: number[] = [];
  try {
    const base = `http://localhost:${port}`;
    // Each domain × filter once first: the data cache fills, as it does for readers after the first request.
    for (let i = 0; i < 6 * 6 * 4; i++) {
      const { filter, page: p } = mix[i % mix.length];
      const t = await time(() => fetchOk(`${base}/domains/${domainKeys[Math.floor(i / 6) % 6]}${domainFilterQuery(filter, p)}`));
      if (i >= 36) page.push(t);
    }
    for (let i = 0; i < 13; i++) {
      const t = await time(() => fetchOk(`${base}/domains/${domainKeys[i % 6]}/csv`));
      if (i >= 6) csv.push(t);
    }
  } finally {
    await stopAppServer(server);
  }
  const f = (name: string, values: number[], p: number, target?: number): Figure => ({
    name: `domain across jurisdictions, ${name}, p${p}, 1,000 jurisdictions (${label})`,
    value: percentile(values, p),
    unit: 'ms',
    ...(target ? { target: { value: target, better: 'lower' as const } } : {}),
  });
  return [
    f('data query (20 columns)', query, 50),
    f('data query (20 columns)', query, 95, 50),
    f('data query (all 1,000, downloads)', all, 50),
    f('data query (all 1,000, downloads)', all, 95),
    f('page (data cached)', page, 50),
    f('page (data cached)', page, 95, 250),
    f('CSV of all 1,000', csv, 50),
  ];
}

/**
 * `/domains/{domain}` over 1,000 generated jurisdictions (3,000 editions of
 * about 25 KB each): the data query, in this process, for a mix of filters and
 * pages and for every jurisdiction (the downloads); then the page and the CSV
 * over HTTP from a production server, with its data cache as readers meet it.
 * On the embedded database and, with DATABASE_URL, on PostgreSQL.
 */
export async function benchDomains(databaseUrl?: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-bench-domains-'));
  try {
    figures.push(
      ...(await measure('embedded', async () => setDbHandle(await openPglite(folder)), { MGI_DATA_DIR: folder, DATABASE_URL: '' })),
    );
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  if (databaseUrl) {
    const scratch = await createScratchDatabase(databaseUrl, 'mgi_bench_domains');
    try {
      figures.push(...(await measure('PostgreSQL', async () => setDbHandle(await openPostgres(scratch.url)), { DATABASE_URL: scratch.url })));
    } finally {
      await scratch.drop();
    }
  }
  return figures;
}
