import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessments, editions, jurisdictions } from '../../db/schema';
import { startAssessment } from '../../lib/data/assessments';
import { NotFoundError } from '../../lib/data/errors';
import { listPortfolio, PORTFOLIO_PAGE_SIZE } from '../../lib/data/portfolio';
import { seedUser } from '../support/seed';
import { targets, freshDatabasePerSuite } from '../support/test-db';

describe.each(targets)('the admin portfolio on %s', (target) => {
  freshDatabasePerSuite(target);

  it('filters, sorts and pages in the database, for admins only', async () => {
    const db = await getDb();
    const rows = Array.from({ length: 120 }, (_, i) => ({
      slug: `place-${String(i).padStart(3, '0')}`,
      name: `Place ${String(i).padStart(3, '0')}`,
      level: (i % 3 === 0 ? 'country' : 'municipality') as 'country' | 'municipality',
      country: i % 2 === 0 ? 'Chile' : 'Perú',
    }));
    await db.insert(jurisdictions).values(rows);
    const [j7] = await db.select().from(jurisdictions).where(eq(jurisdictions.slug, 'place-007'));
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j7.id, role: 'consultant' }] })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: 'place-007', language: 'es' });
    await db.update(assessments).set({ state: 'in_review' }).where(eq(assessments.id, id));
    const admin = (await seedUser({ isAdmin: true })).actor;
    const base = { sort: 'name' as const, dir: 'asc' as const, page: 1 };

    const first = await listPortfolio(admin, base);
    expect(first.total).toBe(120);
    expect(first.pages).toBe(Math.ceil(120 / PORTFOLIO_PAGE_SIZE));
    expect(first.rows).toHaveLength(PORTFOLIO_PAGE_SIZE);
    expect(first.rows[0].name).toBe('Place 000');
    const last = await listPortfolio(admin, { ...base, page: first.pages });
    expect(last.rows.map((r) => r.name).at(-1)).toBe('Place 119');
    expect((await listPortfolio(admin, { ...base, dir: 'desc' })).rows[0].name).toBe('Place 119');

    expect((await listPortfolio(admin, { ...base, q: 'place 00' })).total).toBe(10);
    expect((await listPortfolio(admin, { ...base, q: '50%' })).total).toBe(0); // wildcards are literal
    expect((await listPortfolio(admin, { ...base, country: 'Chile' })).total).toBe(60);
    expect((await listPortfolio(admin, { ...base, level: 'country', country: 'Perú' })).total).toBe(20);
    const inReview = await listPortfolio(admin, { ...base, state: 'in_review' });
    expect(inReview.rows.map((r) => [r.name, r.state, r.language])).toEqual([['Place 007', 'in_review', 'es']]);
    expect((await listPortfolio(admin, { ...base, state: 'none' })).total).toBe(119);
    expect(first.countries).toEqual(['Chile', 'Perú']);

    await expect(listPortfolio(consultant, base)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe.each(targets)('the portfolio’s latest edition on %s', (target) => {
  freshDatabasePerSuite(target);

  it('names each jurisdiction’s newest edition, published or imported, in any language, and sorts by it with none last', async () => {
    const db = await getDb();
    const made = await db
      .insert(jurisdictions)
      .values(['ed-a', 'ed-b', 'ed-c'].map((slug) => ({ slug, name: `Edition ${slug}`, level: 'municipality' as const, country: 'Ecuador' })))
      .returning();
    const [a, b] = made;
    const edition = (jurisdictionId: string, language: 'es' | 'fr', year: number, month: number) => ({
      jurisdictionId,
      language,
      year,
      month,
      title: 'T',
      content: {},
      jurisdiction: {},
      signOff: {},
      note: 'imported',
    });
    await db.insert(editions).values([edition(a.id, 'es', 2022, 8), edition(a.id, 'fr', 2024, 6), edition(b.id, 'es', 2023, 1)]);
    const admin = (await seedUser({ isAdmin: true })).actor;
    const query = { q: 'Edition ed-', sort: 'edition' as const, page: 1 };
    const asc = await listPortfolio(admin, { ...query, dir: 'asc' });
    expect(asc.rows.map((r) => [r.slug, r.latestEdition])).toEqual([
      ['ed-b', { year: 2023, month: 1 }],
      ['ed-a', { year: 2024, month: 6 }],
      ['ed-c', null],
    ]);
    const desc = await listPortfolio(admin, { ...query, dir: 'desc' });
    expect(desc.rows.map((r) => r.slug)).toEqual(['ed-a', 'ed-b', 'ed-c']);
  });
});
