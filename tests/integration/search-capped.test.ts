import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { MAX_PASSAGE_CHUNK, passageChunkOf } from '../../db/schema';
import { insertImportedEdition } from '../../lib/data/imported-editions';
import { searchPassages, type SearchHit } from '../../lib/data/search';
import { rowsOf } from '../../lib/data/sql-rows';
import { SEARCH_COUNT_LIMIT } from '../../lib/domain/search/capped-counts';
import { MAX_SEARCH_PAGE, SEARCH_PAGE_SIZE, type SearchQuery } from '../../lib/domain/search/search-query';
import { domainKeys } from '../../lib/domain/profile';
import type { FrozenProfile } from '../../lib/domain/edition';
import { seedJurisdiction } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/*
 * A word found in more passages than a search reads (SEARCH_COUNT_LIMIT):
 * the count says "more than", the facets are lower bounds, and the results
 * are the candidate set ranked, best first. Below the limit all stays exact.
 */

const paragraphs = (texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
const profileWith = (texts: string[]): FrozenProfile => ({
  introduction: emptyDoc,
  domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: d === 'partnerships' ? paragraphs(texts) : emptyDoc, potential: emptyDoc }])) as FrozenProfile['domains'],
});
const q = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, page: 1, ...more });
const matchedWords = (hit: SearchHit) => hit.highlight.filter((s) => s.match).length;

describe.each(targets)('capped passage search on %s', (target) => {
  freshDatabasePerSuite(target);

  it('past the limit, says "more than", counts facets as lower bounds and ranks the candidates best first', async () => {
    const word = `plentitud${Date.now() % 100000}`;
    const db = await getDb();
    // 1,200 passages in three editions (500, 400, 300), inserted in this order, which is the order a
    // scan meets them in; the first edition has ten strong passages (the word three times), which the
    // candidates (the first 500 met) then hold, and which must lead the results.
    const sizes: Array<[number, number]> = [
      [2020, 500],
      [2021, 400],
      [2022, 300],
    ];
    for (const [year, n] of sizes) {
      const j = await seedJurisdiction({ country: 'AQ', level: 'municipality' });
      const texts = Array.from({ length: n }, (_, i) =>
        year === 2020 && i % 50 === 0 ? `${word} ${word} ${word} fuerte ${i}` : `Pasaje ${i} con la palabra ${word} y muchas otras palabras que la diluyen bastante`,
      );
      await insertImportedEdition(db, j, { language: 'es', year, month: 3, title: `Capped ${year}`, content: profileWith(texts), source: 'test' });
    }

    const first = await searchPassages(null, q(word));
    expect(first.total).toBe(SEARCH_COUNT_LIMIT);
    expect(first.totalIsLowerBound).toBe(true);
    expect(first.pages).toBe(MAX_SEARCH_PAGE);
    // Every facet counted from the capped scan: lower bounds that add up to what was read.
    for (const facet of Object.values(first.facets)) {
      for (const entry of facet) expect(entry.lowerBound).toBe(true);
    }
    expect(first.facets.country).toEqual([{ value: 'AQ', count: SEARCH_COUNT_LIMIT, lowerBound: true }]);
    expect(first.facets.year.reduce((sum, f) => sum + f.count, 0)).toBe(SEARCH_COUNT_LIMIT);

    // The strong passages lead; every later result matches fewer times (ts_rank, best first).
    expect(first.hits.slice(0, 10).map(matchedWords)).toEqual(Array(10).fill(3));
    expect(first.hits.slice(10).every((h) => matchedWords(h) === 1)).toBe(true);

    // The pages together are the candidate set: 1,000 distinct passages, the last page full.
    const seen = new Set<string>();
    for (let page = 1; page <= MAX_SEARCH_PAGE; page++) {
      const r = page === 1 ? first : await searchPassages(null, q(word, { page }));
      expect(r.hits).toHaveLength(SEARCH_PAGE_SIZE);
      for (const h of r.hits) seen.add(`${h.editionId}-${h.ordinal}`);
      if (page > 1) expect(r.hits.every((h) => matchedWords(h) === 1)).toBe(true);
    }
    expect(seen.size).toBe(SEARCH_COUNT_LIMIT);
  });

  it('under the limit, counts exactly; a set filter that is capped marks only its own facet', async () => {
    const word = `escasez${Date.now() % 100000}`;
    const db = await getDb();
    for (const [year, n] of [
      [2020, 300],
      [2021, 400],
    ] as const) {
      const j = await seedJurisdiction({ country: year === 2020 ? 'AQ' : 'BV', level: 'state' });
      const texts = Array.from({ length: n }, (_, i) => `Texto ${i} ${word}`);
      await insertImportedEdition(db, j, { language: 'es', year, month: 5, title: `Exact ${year}`, content: profileWith(texts), source: 'test' });
    }
    const narrowed = await searchPassages(null, q(word, { year: 2021 }));
    expect(narrowed.total).toBe(400);
    expect(narrowed.totalIsLowerBound).toBe(false);
    expect(narrowed.pages).toBe(20);
    // Counted from the 400: exact.
    expect(narrowed.facets.country).toEqual([{ value: 'BV', count: 400 }]);
    // The year facet counts without its own filter: 700 passages, so its scan stopped at the limit.
    expect(narrowed.facets.year.every((f) => f.lowerBound === true)).toBe(true);
    expect(narrowed.facets.year.reduce((sum, f) => sum + f.count, 0)).toBe(SEARCH_COUNT_LIMIT);

    const exact = await searchPassages(null, q(word, { country: 'AQ' }));
    expect(exact).toMatchObject({ total: 300, totalIsLowerBound: false, pages: 15 });
    expect(exact.facets.year).toEqual([{ value: '2020', count: 300 }]);
  });

  it('checks a phrase in at most the limit of passages holding its words, and says when it stopped', async () => {
    const word = `tramite${Date.now() % 100000}`;
    const db = await getDb();
    // 600 passages hold both words, the phrase ("<word> digital") only in every tenth: 60 of them.
    const j = await seedJurisdiction({ country: 'AQ' });
    const texts = Array.from({ length: 600 }, (_, i) => (i % 10 === 0 ? `Un ${word} digital número ${i}` : `Digital es el ${word} número ${i}`));
    await insertImportedEdition(db, j, { language: 'es', year: 2023, month: 1, title: 'Phrase', content: profileWith(texts), source: 'test' });

    const phrase = await searchPassages(null, q(`"${word} digital"`));
    // The first 500 passages holding both words were read: 50 with the phrase, and more may follow.
    expect(phrase).toMatchObject({ total: 50, totalIsLowerBound: true, pages: 3 });
    expect(phrase.hits.every((h) => h.highlight.map((x) => x.text).join('').includes(`${word} digital`))).toBe(true);
    expect(phrase.facets.year).toEqual([{ value: '2023', count: 50, lowerBound: true }]);
    // Narrowed (a country with 30 passages holding the words) under the limit, every one is checked: exact.
    const other = await seedJurisdiction({ country: 'BV' });
    const few = Array.from({ length: 30 }, (_, i) => (i < 12 ? `Otro ${word} digital ${i}` : `Digital y ${word} ${i}`));
    await insertImportedEdition(db, other, { language: 'es', year: 2023, month: 2, title: 'Phrase BV', content: profileWith(few), source: 'test' });
    expect(await searchPassages(null, q(`"${word} digital"`, { country: 'BV' }))).toMatchObject({ total: 12, totalIsLowerBound: false });
    // Words without the phrase: all 600, so "more than 500".
    expect(await searchPassages(null, q(`${word} digital`))).toMatchObject({ total: 500, totalIsLowerBound: true });
  });

  it('reads every chunk of the index: matches far apart in the table are all found and counted', async () => {
    const db = await getDb();
    // The chunks' bounds, as the database computes them: powers of two of 2,048, and the last possible id's.
    const chunkOf = async (id: bigint) => rowsOf<{ c: number }>(await db.execute(sql`SELECT ${passageChunkOf(sql`${id.toString()}::bigint`)} AS c`))[0].c;
    expect([await chunkOf(1n), await chunkOf(2047n), await chunkOf(2048n), await chunkOf(6143n), await chunkOf(6144n)]).toEqual([0, 0, 1, 1, 2]);
    expect(await chunkOf(2n ** 63n - 1n)).toBe(MAX_PASSAGE_CHUNK);

    // Three editions whose passages get ids in three chunks far apart (the identity moved on in between),
    // each a dated edition of its own, so every facet count says where its passages came from.
    const word = `lejania${Date.now() % 100000}`;
    for (const [year, n, nextId] of [
      [2020, 3, 100_000],
      [2021, 4, 50_000_000],
      [2022, 5, null],
    ] as const) {
      const j = await seedJurisdiction({ country: 'AQ' });
      const texts = Array.from({ length: n }, (_, i) => `Lugar ${i} ${word}`);
      await insertImportedEdition(db, j, { language: 'es', year, month: 7, title: `Far ${year}`, content: profileWith(texts), source: 'test' });
      if (nextId) await db.execute(sql.raw(`ALTER TABLE search.passages ALTER COLUMN id RESTART WITH ${nextId}`));
    }
    const chunks = rowsOf<{ chunk: number }>(await db.execute(sql`SELECT DISTINCT chunk FROM search.passages WHERE body LIKE ${`%${word}`} ORDER BY chunk`));
    expect(chunks.map((c) => Number(c.chunk))).toHaveLength(3);

    const all = await searchPassages(null, q(word));
    expect(all).toMatchObject({ total: 12, totalIsLowerBound: false });
    expect(all.hits).toHaveLength(12);
    expect(all.facets.year).toEqual([
      { value: '2022', count: 5 },
      { value: '2021', count: 4 },
      { value: '2020', count: 3 },
    ]);
    // A set filter's own scan reads every chunk too.
    const newest = await searchPassages(null, q(word, { year: 2022 }));
    expect(newest).toMatchObject({ total: 5, totalIsLowerBound: false });
    expect(newest.facets.year.map((f) => [f.value, f.count])).toEqual([
      ['2022', 5],
      ['2021', 4],
      ['2020', 3],
    ]);
    // And a phrase, read through its words first ("Lugar 3" is in the 2021 and 2022 editions).
    expect(await searchPassages(null, q(`"lugar 3 ${word}"`))).toMatchObject({ total: 2, totalIsLowerBound: false });
  });
});
