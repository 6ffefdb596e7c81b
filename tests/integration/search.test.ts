import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { jurisdictions, searchPassages as passagesTable } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { insertImportedEdition } from '../../lib/data/imported-editions';
import { listPublishedJurisdictions } from '../../lib/data/editions';
import { storeLivePart } from '../../lib/data/live-parts';
import { savePart } from '../../lib/data/parts';
import { unsafeImportPortalPage } from '../../lib/data/portal-import';
import { publishedFilterValues, searchPassages } from '../../lib/data/search';
import { rowsOf } from '../../lib/data/sql-rows';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { docPassages } from '../../lib/domain/search/passages';
import { parseSearchParams, type SearchQuery } from '../../lib/domain/search/search-query';
import type { Locale } from '../../lib/domain/locales';
import type { FrozenProfile } from '../../lib/domain/edition';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import { reviewDomain } from '../../lib/data/domain-reviews';
import type { Actor } from '../../lib/policy';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const bullets = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});
const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
const profileWith = (strengths: unknown): FrozenProfile => ({
  introduction: emptyDoc,
  domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: d === 'partnerships' ? strengths : emptyDoc, potential: emptyDoc }])) as FrozenProfile['domains'],
});
const q = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, page: 1, ...more });

async function editionIn(language: Locale, text: string, overrides: { country?: string; year?: number; level?: 'country' | 'state' | 'municipality' } = {}) {
  const j = await seedJurisdiction({ country: overrides.country ?? 'PE', level: overrides.level ?? 'municipality' });
  const db = await getDb();
  await insertImportedEdition(db, j, { language, year: overrides.year ?? 2024, month: 6, title: `Profile ${j.slug}`, content: profileWith(bullets(text)), source: 'test' });
  return j;
}

describe.each(targets)('passage search on %s', (target) => {
  freshDatabasePerSuite(target);

  it('indexes the seed profiles passage by passage, numbered as the edition page numbers them, and finds them without accents', async () => {
    const dir = path.join(process.cwd(), 'seeds', 'portal-pages');
    for (const file of fs.readdirSync(dir)) {
      const report = await unsafeImportPortalPage({ text: fs.readFileSync(path.join(dir, file), 'utf8'), source: file, country: file.startsWith('lima') ? 'PE' : null, dryRun: false });
      expect(report, JSON.stringify(report)).toMatchObject({ outcome: 'created' });
    }
    const db = await getDb();
    const editionRows = rowsOf<{ id: string; content: FrozenProfile; slug: string }>(
      await db.execute(sql`select e.id, e.content, j.slug from editions e join jurisdictions j on j.id = e.jurisdiction_id`),
    );
    expect(editionRows.map((e) => e.slug).sort()).toEqual(['huaquillas', 'lima', 'sonora']);
    // The public index's own box: accents and case ignored, names, titles and countries.
    const index = async (q: string) => (await listPublishedJurisdictions({ q })).rows.map((r) => r.slug);
    expect(await index('canton')).toEqual(['huaquillas']);
    expect(await index('CANTÓN huaq')).toEqual(['huaquillas']);
    expect(await index('Metropolitana')).toEqual(['lima']);
    expect(await index('pérou')).toEqual(['lima']);
    expect(await index('mexico')).toEqual(['sonora']);
    expect(await index('100%_')).toEqual([]);
    for (const edition of editionRows) {
      const indexed = await db.select().from(passagesTable).where(eq(passagesTable.editionId, edition.id));
      for (const slot of profileSlots) {
        const doc = slot.section === 'introduction' ? edition.content.introduction : edition.content.domains[slot.section][slot.part as 'strengths'];
        const expected = docPassages(doc);
        const got = indexed.filter((p) => p.section === slot.section && p.part === slot.part).sort((a, b) => a.ordinal - b.ordinal);
        expect(got.map((p) => ({ ordinal: p.ordinal, text: p.body }))).toEqual(expected);
      }
      // A known bullet of each, found by its words with accents and case dropped.
      const sample = indexed.find((p) => p.section === 'migrants_rights' && p.part === 'strengths')!;
      const words = sample.body.split(/\s+/).filter((w) => w.length > 6).slice(0, 3).join(' ');
      const folded = words.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
      const found = await searchPassages(null, q(folded, { domain: 'migrants_rights' }));
      expect(found.hits.some((h) => h.slug === edition.slug && h.ordinal === sample.ordinal && h.section === 'migrants_rights')).toBe(true);
    }
  });

  it('stems and folds accents in Spanish, French and English, each passage in its own language', async () => {
    // Their own country, so that the seed profiles' many migrants stay out of the way.
    const es = await editionIn('es', 'Integración de las personas migrantes en el Cantón', { country: 'AQ' });
    const fr = await editionIn('fr', 'Les élèves étrangers bénéficient de cours de français', { country: 'AQ' });
    const en = await editionIn('en', 'The municipality coordinates services for migrants', { country: 'AQ' });
    const slugs = async (text: string) => (await searchPassages(null, q(text, { country: 'AQ' }))).hits.map((h) => h.slug);
    expect(await slugs('integracion')).toContain(es.slug);
    expect(await slugs('migrante')).toContain(es.slug);
    expect(await slugs('CANTON')).toContain(es.slug);
    expect(await slugs('eleve')).toContain(fr.slug);
    expect(await slugs('ETRANGERS cours')).toContain(fr.slug);
    expect(await slugs('FRANCAIS')).toContain(fr.slug);
    expect(await slugs('coordinating migrant')).toContain(en.slug);
    expect(await slugs('service')).toContain(en.slug);
    // Phrases keep their order; a minus leaves a word out.
    expect(await slugs('"services for migrants"')).toContain(en.slug);
    expect(await slugs('"migrants for services"')).not.toContain(en.slug);
    expect(await slugs('migrants -municipality')).not.toContain(en.slug);
    expect(await slugs('personas -municipality')).toContain(es.slug);
    // The matched words are marked, the rest is plain text.
    const hit = (await searchPassages(null, q('integracion', { country: 'AQ' }))).hits.find((h) => h.slug === es.slug)!;
    expect(hit.highlight.filter((s) => s.match).map((s) => s.text)).toEqual(['Integración']);
    expect(hit.highlight.map((s) => s.text).join('')).toBe('Integración de las personas migrantes en el Cantón');
    expect(hit).toMatchObject({ draft: false, language: 'es', year: 2024, month: 6, section: 'partnerships', part: 'strengths', ordinal: 1 });
  });

  it("counts, pages and filters, with facet counts that leave each facet's own filter out", async () => {
    const word = `zorblat${Date.now() % 1000}`;
    for (let i = 0; i < 23; i++) await editionIn('es', `Texto ${word} número ${i}`, { country: i < 20 ? 'EC' : 'MX', year: i % 2 ? 2023 : 2024 });
    await editionIn('en', `English ${word}`, { country: 'MX', level: 'state' });
    const all = await searchPassages(null, q(word));
    expect(all.total).toBe(24);
    expect(all.hits).toHaveLength(20);
    expect(all.pages).toBe(2);
    expect((await searchPassages(null, q(word, { page: 2 }))).hits).toHaveLength(4);
    expect(all.facets.country).toEqual([
      { value: 'EC', count: 20 },
      { value: 'MX', count: 4 },
    ]);
    expect(all.facets.lang).toEqual([
      { value: 'es', count: 23 },
      { value: 'en', count: 1 },
    ]);
    const mx = await searchPassages(null, q(word, { country: 'MX' }));
    expect(mx.total).toBe(4);
    expect(mx.facets.country.find((f) => f.value === 'EC')?.count).toBe(20); // its own filter left out
    expect(mx.facets.level).toEqual([
      { value: 'municipality', count: 3 },
      { value: 'state', count: 1 },
    ]);
    expect(mx.facets.year).toEqual([
      { value: '2024', count: 3 },
      { value: '2023', count: 1 },
    ]);
    expect((await searchPassages(null, q(word, { country: 'MX', lang: 'en' }))).total).toBe(1);
    expect((await searchPassages(null, q(word, { domain: 'well_being' }))).total).toBe(0);
    expect((await searchPassages(null, q(word, { part: 'strengths', year: 2023 }))).total).toBe(11);
  });

  async function draftOf(text: string) {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    await savePart(consultant, { assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc: bullets(text), baseRevision: 0 });
    return { j, consultant, id };
  }

  it('offers the countries and years published editions have, for a form with nothing found', async () => {
    await editionIn('fr', 'Un guichet unique pour les migrants.', { country: 'SN', year: 2017 });
    const values = await publishedFilterValues();
    expect(values.country.map((c) => c.value)).toContain('SN');
    expect(values.year.map((y) => y.value)).toContain('2017');
    // A draft's jurisdiction and year are not offered: only what is published.
    const j = await seedJurisdiction({ country: 'BJ' });
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    await startAssessment(consultant, { jurisdiction: j.slug, language: 'fr' });
    expect((await publishedFilterValues()).country.map((c) => c.value)).not.toContain('BJ');
  });

  it('keeps the index current in the transaction of a save, a live save, an import and a publication', async () => {
    const { j, consultant, id } = await draftOf('Ventanilla única quelpadra');
    const found = async (actor: Actor | null, text: string) => (await searchPassages(actor, q(text))).hits.filter((h) => h.slug === j.slug);
    expect(await found(consultant, 'ventanilla unica')).toHaveLength(1);
    await savePart(consultant, { assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc: bullets('Oficina de atención flornavia'), baseRevision: 1 });
    expect(await found(consultant, 'quelpadra')).toHaveLength(0);
    expect(await found(consultant, 'atencion flornavia')).toHaveLength(1);
    await storeLivePart({ assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc: bullets('Texto vivo trumbela') as never, state: new Uint8Array([0, 0]), contributors: [consultant.userId] });
    expect(await found(consultant, 'flornavia')).toHaveLength(0);
    expect(await found(consultant, 'trumbela')).toHaveLength(1);

    // An import that fails after its insert leaves nothing in the index; inside it, the passages were there.
    const db = await getDb();
    const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, j.id));
    let seenInside = 0;
    await expect(
      db.transaction(async (tx) => {
        await insertImportedEdition(tx, row, { language: 'es', year: 2020, month: 1, title: 'T', content: profileWith(bullets('Importado grubnesia')), source: 't' });
        seenInside = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from search.passages where body like '%grubnesia%'`))[0].n;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(seenInside).toBe(1);
    expect(await found(null, 'grubnesia')).toHaveLength(0);

    // Published: the draft's passages leave with the same transaction, the edition's come in.
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    for (const slot of profileSlots) {
      if (slot.section === 'partnerships' && slot.part === 'strengths') continue;
      await savePart(consultant, { assessmentId: id, ...slot }, { doc: bullets(`${slot.section} ${slot.part}`), baseRevision: 0 });
    }
    await submitForReview(consultant, id, null);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    await publishProfile(admin, id);
    const after = await found(null, 'trumbela');
    expect(after).toHaveLength(1);
    expect(after[0].draft).toBe(false);
    expect((await db.select().from(passagesTable).where(eq(passagesTable.assessmentId, id))).length).toBe(0);
  });

  it('shows a draft only to those lib/policy lets read it, marked as a draft', async () => {
    const { j, consultant, id } = await draftOf('Borrador secreto plimbova');
    const admin = (await seedUser({ isAdmin: true })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const reviewer = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'reviewer' }] })).actor;
    const other = await seedJurisdiction();
    const elsewhere = (await seedUser({ roles: [{ jurisdictionId: other.id, role: 'consultant' }] })).actor;
    const noRole = (await seedUser()).actor;
    const sees = async (actor: Actor | null) => {
      const r = await searchPassages(actor, q('plimbova'));
      return r.total === 1 && r.hits.length === 1 && r.hits[0].draft && r.hits[0].assessmentId === id;
    };
    expect(await sees(consultant)).toBe(true);
    expect(await sees(focal)).toBe(true);
    expect(await sees(admin)).toBe(true);
    for (const actor of [null, reviewer, elsewhere, noRole]) {
      const r = await searchPassages(actor, q('plimbova'));
      expect(r.total).toBe(0);
      expect(r.hits).toEqual([]);
      expect(Object.values(r.facets).flat()).toEqual([]); // not even counted
    }
    // A reviewer reads it once it is in review.
    for (const slot of profileSlots) {
      if (slot.section === 'partnerships' && slot.part === 'strengths') continue;
      await savePart(consultant, { assessmentId: id, ...slot }, { doc: bullets('x'), baseRevision: 0 });
    }
    await submitForReview(consultant, id, null);
    expect(await sees(reviewer)).toBe(true);
    expect((await searchPassages(null, q('plimbova'))).total).toBe(0);
  });

  it('answers any query string with results or a refusal, never an error', async () => {
    const hostile = [
      '"unbalanced', 'a & b | !c', '(((', '))) <-> <2>', "'; DROP TABLE editions; --", 'x:* & y:A', '-', 'or', '"" ""', '\\', '%_',
      'a'.repeat(200), 'é'.repeat(200), '日本語 テキスト', '\u0002\u0003', '<script>alert(1)</script>', 'migrantes\u0000', 'a'.repeat(201), '   ',
      // Runs of negations overflowed PostgreSQL's tsquery stack (a 500, found by a stranger's probe).
      '-'.repeat(33), '-'.repeat(199), '- '.repeat(99), `${'-'.repeat(60)}migrantes`, '-"a" '.repeat(40),
    ];
    const run = async (text: string) => {
      const parsed = parseSearchParams(new URLSearchParams({ q: text }));
      if (!parsed.ok) return 'refused';
      const r = await searchPassages(null, parsed.query);
      expect(r.total).toBeGreaterThanOrEqual(0);
      return 'answered';
    };
    for (const text of hostile) await run(text);
    expect(await run('a'.repeat(201))).toBe('refused');
    expect(await run('migrantes\u0000')).toBe('refused');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 250 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom('-', ' ', '"', 'a', '|', '!'), maxLength: 200 })),
        async (text) => {
          await run(text);
        },
      ),
      { numRuns: 60 },
    );
  });
});
