import { sql } from 'drizzle-orm';
import { closeDb, getDb, setDbHandle, type DbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { parseQuery, searchPassages, searchStatement } from '../lib/data/search';
import { rowsOf } from '../lib/data/sql-rows';
import type { SearchQuery } from '../lib/domain/search/search-query';
import { createScratchDatabase } from './scratch-database';
import { percentile, type Figure } from './stats';

/*
 * Passage search latency (lib/data/search.ts: the facet query and the ranked
 * page, as /search and GET /api/v1/search run them) on generated databases: a
 * large one against one 100 times smaller, on the embedded database and on
 * PostgreSQL. Editions are generated in SQL in three languages, thirteen parts
 * of three bullets each, words drawn from a small vocabulary per language, and
 * inserted through the real triggers, which index them (one INSERT … SELECT:
 * 10,000 editions, 390,000 passages, take about a minute on PostgreSQL and
 * six on PGlite on a busy 2-core machine). The issue's 10,000 against 100
 * editions; BENCH_SEARCH_EDITIONS=N measures N against N / 100 while working
 * on it, and BENCH_SEARCH_EXPLAIN=1 prints each query's plan on the large one.
 */

const vocabulary = {
  es: 'migrantes personas municipalidad ventanilla única atención salud educación integración trabajo derechos protección niñez mujeres refugiados coordinación plan política programa servicios acceso vivienda empleo gobierno local red alianzas retorno crisis emergencia datos registro documentación'.split(' '),
  fr: 'migrants personnes municipalité guichet unique accueil santé éducation intégration travail droits protection enfance femmes réfugiés coordination plan politique programme services accès logement emploi gouvernement local réseau partenariats retour crise urgence données registre documentation'.split(' '),
  en: 'migrants people municipality one-stop shop support health education integration work rights protection children women refugees coordination plan policy programme services access housing employment government local network partnerships return crisis emergency data registry documentation'.split(' '),
} as const;

async function generate(editions: number) {
  const db = await getDb();
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  const jurisdictionCount = Math.ceil(editions / 10);
  const lists = sql.join(
    (['es', 'fr', 'en'] as const).map((l) => sql`(${l}, ${`{${vocabulary[l].map((w) => `"${w}"`).join(',')}}`}::text[])`),
    sql`, `,
  );
  // One bullet: 14 words drawn by a hash of where it is; a document: three bullets.
  await run(sql`CREATE TEMP TABLE bench_words (lang text, words text[])`);
  await run(sql`INSERT INTO bench_words VALUES ${lists}`);
  await run(sql`INSERT INTO jurisdictions (slug, name, level, country)
    SELECT 'b-' || i, 'Bench ' || i, (ARRAY['country','state','municipality'])[(i % 3) + 1]::jurisdiction_level, (ARRAY['EC','PE','MX','FR','SN','CA'])[(i % 6) + 1]
    FROM generate_series(1, ${jurisdictionCount}) i`);
  // Each jurisdiction's ten editions: a language each, one a year.
  await run(sql`
    WITH e AS (
      SELECT j.id AS jid, j.name, j.level, j.country, row_number() OVER () AS n, k,
             (ARRAY['es','fr','en'])[((row_number() OVER ()) % 3) + 1] AS lang
      FROM jurisdictions j CROSS JOIN generate_series(1, 10) k
      WHERE j.slug LIKE 'b-%'
    ),
    docs AS (
      SELECT e.*, s.slot, jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'bulletList', 'content', (
        SELECT jsonb_agg(jsonb_build_object('type', 'listItem', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content',
          jsonb_build_array(jsonb_build_object('type', 'text', 'text', (
            SELECT string_agg(w.words[1 + abs(hashint4((e.n * 131 + s.slot * 17 + b * 7 + x)::int)) % array_length(w.words, 1)], ' ')
            FROM generate_series(1, 14) x, bench_words w WHERE w.lang = e.lang)))))))
        FROM generate_series(1, 3) b)))) AS doc
      FROM e CROSS JOIN generate_series(0, 12) s(slot)
    )
    , per_edition AS (SELECT jid, name, level, country, lang, k, jsonb_object_agg(slot::text, doc) AS d FROM docs GROUP BY jid, name, level, country, lang, k)
    INSERT INTO editions (jurisdiction_id, language, year, month, title, content, jurisdiction, sign_off)
    SELECT jid, lang::content_language, 2010 + k, 6, 'Profile ' || name,
      jsonb_build_object('introduction', d -> '0', 'domains', jsonb_build_object(
        'migrants_rights', jsonb_build_object('strengths', d -> '1', 'potential', d -> '2'),
        'whole_of_government', jsonb_build_object('strengths', d -> '3', 'potential', d -> '4'),
        'partnerships', jsonb_build_object('strengths', d -> '5', 'potential', d -> '6'),
        'well_being', jsonb_build_object('strengths', d -> '7', 'potential', d -> '8'),
        'mobility_crises', jsonb_build_object('strengths', d -> '9', 'potential', d -> '10'),
        'safe_orderly_regular', jsonb_build_object('strengths', d -> '11', 'potential', d -> '12'))),
      jsonb_build_object('name', name, 'level', level, 'country', country), '{}'::jsonb
    FROM per_edition`);
  await run(sql`ANALYZE`);
}

/** The mix: single words, phrases and filtered queries, in the three languages. */
const mix: SearchQuery[] = [
  { q: 'ventanilla', page: 1 },
  { q: 'integracion', page: 1 },
  { q: 'refugies', page: 1 },
  { q: 'housing', page: 1 },
  { q: '"guichet unique"', page: 1 },
  { q: '"one-stop shop"', page: 1 },
  { q: '"atencion salud"', page: 1 },
  { q: 'migrantes', country: 'EC', page: 1 },
  { q: 'crisis', domain: 'mobility_crises', part: 'potential', page: 1 },
  { q: 'enfance', lang: 'fr', year: 2015, page: 1 },
  { q: 'registry -data', level: 'state', page: 1 },
  { q: 'empleo', page: 3 },
];

type Times = Record<'word' | 'phrase' | 'filtered', number[]>;
const kindOf = (q: SearchQuery) => (Object.keys(q).length > 2 || q.page > 1 ? 'filtered' : q.q.includes('"') ? 'phrase' : 'word');

/**
 * Both databases open at once, each query run on one then the other (the
 * order alternating by round): other work on the machine then weighs on both
 * sides of the ratio alike, rather than on whichever ran during a busy spell.
 */
async function measure(databases: DbHandle[], rounds: number): Promise<Times[]> {
  const times = databases.map((): Times => ({ word: [], phrase: [], filtered: [] }));
  for (const handle of databases) {
    setDbHandle(handle);
    for (const q of mix) await searchPassages(null, q); // warm the caches
  }
  for (let r = 0; r < rounds; r++) {
    for (const q of mix) {
      for (const i of r % 2 ? [...databases.keys()].reverse() : databases.keys()) {
        setDbHandle(databases[i]);
        const started = performance.now();
        await searchPassages(null, q);
        times[i][kindOf(q)].push(performance.now() - started);
      }
    }
  }
  return times;
}

/** EXPLAIN ANALYZE of each query of the mix, as the search runs it, to see where its time goes. */
async function explain(handle: DbHandle, label: string) {
  setDbHandle(handle);
  const db = await getDb();
  for (const q of mix) {
    const plan = await db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${searchStatement(null, q, await parseQuery(db, q.q))}`);
    console.log(`\n${label}: ${JSON.stringify(q)}\n${rowsOf<Record<string, string>>(plan).map((r) => Object.values(r)[0]).join('\n')}`);
  }
}

/** A database for the benchmark: opened, migrated, and how to let it go. */
type Opener = () => Promise<{ handle: DbHandle; dropStorage: () => Promise<void> }>;

/** A database opened (and kept in `opened`, to be let go), with `editions` generated; how long that took. */
async function generated(open: Opener, editions: number, opened: Array<Awaited<ReturnType<Opener>>>) {
  const db = await open();
  opened.push(db);
  setDbHandle(db.handle);
  const started = performance.now();
  await generate(editions);
  return { handle: db.handle, seconds: (performance.now() - started) / 1000 };
}

export async function benchSearch(databaseUrl?: string): Promise<Figure[]> {
  const large = Number(process.env.BENCH_SEARCH_EDITIONS) || 10_000;
  const small = large / 100;
  const figures: Figure[] = [];
  const targets: Array<[string, Opener]> = [
    [
      'embedded',
      async () => {
        const handle = await openPglite(null); // in memory: gone when closed
        return { handle, dropStorage: async () => {} };
      },
    ],
  ];
  if (databaseUrl) {
    targets.push([
      'PostgreSQL',
      async () => {
        const scratch = await createScratchDatabase(databaseUrl, 'mgi_bench_search');
        const handle = await openPostgres(scratch.url);
        return { handle, dropStorage: scratch.drop };
      },
    ]);
  }
  for (const [label, open] of targets) {
    const opened: Array<Awaited<ReturnType<Opener>>> = [];
    try {
      const largeDb = await generated(open, large, opened);
      const smallDb = await generated(open, small, opened);
      console.log(`search: generated ${large} editions in ${largeDb.seconds.toFixed(0)} s (${label})`);
      const [big, little] = await measure([largeDb.handle, smallDb.handle], 10);
      if (process.env.BENCH_SEARCH_EXPLAIN === '1') await explain(largeDb.handle, label);
      const kinds = { word: 'single words', phrase: 'phrases', filtered: 'filtered queries' } as const;
      for (const kind of ['word', 'phrase', 'filtered'] as const) {
        figures.push({ name: `search p50, ${kinds[kind]}, ${large} editions (${label})`, value: percentile(big[kind], 50), unit: 'ms' });
        figures.push({ name: `search p95, ${kinds[kind]}, ${large} editions (${label})`, value: percentile(big[kind], 95), unit: 'ms', target: { value: 50, better: 'lower' } });
      }
      const all = (t: Times) => [...t.word, ...t.phrase, ...t.filtered];
      figures.push({ name: `search p95, all, ${small} editions (${label})`, value: percentile(all(little), 95), unit: 'ms' });
      figures.push({
        name: `search p95 ratio, ${large} vs ${small} editions (${label})`,
        value: percentile(all(big), 95) / percentile(all(little), 95),
        unit: '×',
        target: { value: 1.5, better: 'lower' },
      });
    } finally {
      await closeDb(); // the app's handle is one of these
      for (const o of opened) {
        await o.handle.close().catch(() => {}); // closed already if it was the app's
        await o.dropStorage().catch((error: unknown) => console.warn(`Dropping a ${label} scratch database failed:`, error));
      }
    }
  }
  return figures;
}
