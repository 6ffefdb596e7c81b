import { sql } from 'drizzle-orm';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { searchPassages } from '../lib/data/search';
import type { SearchQuery } from '../lib/domain/search/search-query';
import { createScratchDatabase } from './scratch-database';
import { percentile, type Figure } from './stats';

/*
 * Passage search latency (lib/data/search.ts: the facet query and the ranked
 * page, as /search and GET /api/v1/search run them) on generated databases: a
 * large one against one 100 times smaller, on the embedded database and on
 * PostgreSQL. Editions are generated in SQL in three languages, thirteen parts
 * of three bullets each, words drawn from a small vocabulary per language, and
 * inserted through the real triggers, which index them. By default 2,000
 * against 20 editions (a few minutes on 2 cores); BENCH_SEARCH_FULL=1 measures
 * the issue's 10,000 against 100 (BENCH_SEARCH_EDITIONS=N any other size).
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

async function measure(rounds: number): Promise<Record<'word' | 'phrase' | 'filtered', number[]>> {
  const times = { word: [] as number[], phrase: [] as number[], filtered: [] as number[] };
  for (const q of mix) await searchPassages(null, q); // warm the caches
  for (let r = 0; r < rounds; r++) {
    for (const q of mix) {
      const started = performance.now();
      await searchPassages(null, q);
      const ms = performance.now() - started;
      const kind = Object.keys(q).length > 2 || q.page > 1 ? 'filtered' : q.q.includes('"') ? 'phrase' : 'word';
      times[kind].push(ms);
    }
  }
  return times;
}

async function onDatabase(label: string, open: () => Promise<{ close: () => Promise<void> }>, editions: number, rounds: number) {
  const handle = await open();
  try {
    await generate(editions);
    return await measure(rounds);
  } finally {
    await closeDb();
    await handle.close().catch((error: unknown) => console.warn(`Dropping the ${label} scratch database failed:`, error));
  }
}

export async function benchSearch(databaseUrl?: string): Promise<Figure[]> {
  const full = process.env.BENCH_SEARCH_FULL === '1';
  const large = Number(process.env.BENCH_SEARCH_EDITIONS) || (full ? 10_000 : 2_000);
  const small = large / 100;
  const figures: Figure[] = [];
  const targets: Array<[string, () => Promise<{ close: () => Promise<void> }>]> = [
    [
      'embedded',
      async () => {
        const h = await openPglite(null);
        setDbHandle(h);
        return { close: async () => {} };
      },
    ],
  ];
  if (databaseUrl) {
    targets.push([
      'PostgreSQL',
      async () => {
        const scratch = await createScratchDatabase(databaseUrl, 'mgi_bench_search');
        setDbHandle(await openPostgres(scratch.url));
        return { close: scratch.drop };
      },
    ]);
  }
  for (const [label, open] of targets) {
    const big = await onDatabase(label, open, large, 10);
    const little = await onDatabase(label, open, small, 10);
    const kinds = { word: 'single words', phrase: 'phrases', filtered: 'filtered queries' } as const;
    for (const kind of ['word', 'phrase', 'filtered'] as const) {
      figures.push({ name: `search p50, ${kinds[kind]}, ${large} editions (${label})`, value: percentile(big[kind], 50), unit: 'ms' });
      figures.push({ name: `search p95, ${kinds[kind]}, ${large} editions (${label})`, value: percentile(big[kind], 95), unit: 'ms', target: { value: 50, better: 'lower' } });
    }
    const all = (t: typeof big) => [...t.word, ...t.phrase, ...t.filtered];
    figures.push({
      name: `search p95 ratio, ${large} vs ${small} editions (${label})`,
      value: percentile(all(big), 95) / percentile(all(little), 95),
      unit: '×',
      target: { value: 1.5, better: 'lower' },
    });
  }
  return figures;
}
