import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listDomainComparison, listDomainFilterChoices } from '../../lib/data/domain-comparison';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { startAssessment } from '../../lib/data/assessments';
import { savePart } from '../../lib/data/parts';
import { domainKeys } from '../../lib/domain/profile';
import type { Locale } from '../../lib/domain/locales';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const bullets = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});
const text = (doc: unknown) => JSON.stringify(doc);

/** An edition whose every part names the jurisdiction, the month and the part. */
async function edition(slug: string, language: Locale, year: number, month: number) {
  const tag = `${slug} ${year}-${month} ${language}`;
  await unsafeInsertImportedEdition({
    jurisdiction: slug,
    language,
    year,
    month,
    title: `Profile ${tag}`,
    source: 'test',
    content: {
      introduction: bullets(`intro ${tag}`),
      domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: bullets(`${d} strengths ${tag}`), potential: bullets(`${d} potential ${tag}`) }])) as never,
    },
  });
}

describe.each(targets)('one domain across jurisdictions on %s', (target) => {
  freshDatabasePerSuite(target);
  // A country code of our own per test, so that other tests' jurisdictions stay out of the counts.
  const country = () => `Q${randomBytes(3).toString('hex')}`;

  it('shows the latest edition of each jurisdiction, by name, with only the asked domain', async () => {
    const c = country();
    const b = await seedJurisdiction({ name: 'Beta town', country: c });
    const a = await seedJurisdiction({ name: 'Alpha city', country: c, level: 'state' });
    await edition(a.slug, 'es', 2022, 3);
    await edition(a.slug, 'es', 2024, 6);
    await edition(a.slug, 'fr', 2023, 1);
    await edition(b.slug, 'fr', 2021, 8);
    await seedJurisdiction({ name: 'Gamma without edition', country: c });
    const { total, columns } = await listDomainComparison('partnerships', { country: c, j: [] });
    expect(total).toBe(2);
    expect(columns.map((col) => [col.slug, col.language, col.year, col.month])).toEqual([
      [a.slug, 'es', 2024, 6],
      [b.slug, 'fr', 2021, 8],
    ]);
    expect(text(columns[0].strengths)).toContain(`partnerships strengths ${a.slug} 2024-6 es`);
    expect(text(columns[0].potential)).toContain(`partnerships potential ${a.slug} 2024-6 es`);
    expect(text(columns[0])).not.toContain('migrants_rights');
    expect(columns[0]).toMatchObject({ name: 'Alpha city', level: 'state', country: c, title: `Profile ${a.slug} 2024-6 es`, version: 1 });
  });

  it('filters by level, content language and chosen jurisdictions, and pages', async () => {
    const c = country();
    const js = [];
    for (const [i, level] of (['municipality', 'state', 'municipality', 'country'] as const).entries()) {
      const j = await seedJurisdiction({ name: `Town ${i}`, country: c, level });
      await edition(j.slug, i % 2 ? 'fr' : 'es', 2024, 1 + i);
      js.push(j);
    }
    await edition(js[0].slug, 'fr', 2020, 1); // older, in French
    const slugs = async (filter: Parameters<typeof listDomainComparison>[1], page?: { limit?: number; offset?: number }) =>
      (await listDomainComparison('well_being', filter, page)).columns.map((col) => col.slug);
    expect(await slugs({ country: c, level: 'municipality', j: [] })).toEqual([js[0].slug, js[2].slug]);
    // In French: the latest French edition, even when a newer one exists in another language.
    const french = await listDomainComparison('well_being', { country: c, lang: 'fr', j: [] });
    expect(french.columns.map((col) => [col.slug, col.year, col.language])).toEqual([
      [js[0].slug, 2020, 'fr'],
      [js[1].slug, 2024, 'fr'],
      [js[3].slug, 2024, 'fr'],
    ]);
    expect(await slugs({ j: [js[3].slug, js[1].slug, 'no-such-place'] })).toEqual([js[1].slug, js[3].slug]);
    expect(await slugs({ country: c, j: [] }, { limit: 2, offset: 2 })).toEqual([js[2].slug, js[3].slug]);
    const past = await listDomainComparison('well_being', { country: c, j: [] }, { limit: 2, offset: 10 });
    expect(past).toEqual({ total: 4, columns: [] });
    expect(await slugs({ country: `${c}\u0000`, j: [] })).toEqual([]);
    const choices = await listDomainFilterChoices();
    expect(choices.countries).toContain(c);
    expect(choices.languages).toEqual(expect.arrayContaining(['es', 'fr']));
  });

  it('never shows a draft: neither a jurisdiction with only a draft, nor the draft text of one with an edition', async () => {
    const c = country();
    const published = await seedJurisdiction({ name: 'Published place', country: c });
    const draftOnly = await seedJurisdiction({ name: 'Draft place', country: c });
    await edition(published.slug, 'es', 2023, 5);
    for (const j of [published, draftOnly]) {
      const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
      const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
      const doc = bullets(`SECRET DRAFT ${j.slug}`);
      const current = await savePart(consultant, { assessmentId: id, section: 'partnerships', part: 'strengths' }, { doc, baseRevision: 0 }).catch(() => null);
      expect(current).not.toBeNull();
    }
    for (const filter of [{ country: c, j: [] }, { j: [published.slug, draftOnly.slug] }, { country: c, lang: 'es' as const, j: [] }]) {
      const result = await listDomainComparison('partnerships', filter);
      expect(result.columns.map((col) => col.slug)).toEqual([published.slug]);
      expect(text(result)).not.toContain('SECRET DRAFT');
    }
  });
});
