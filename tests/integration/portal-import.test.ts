import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { editions, jurisdictions } from '../../db/schema';
import { DEMO_REVIEW_NOTE, unsafeImportDemoEditions, unsafeStartDemoReview } from '../../lib/data/demo-seed';
import { loadActor } from '../../lib/data/actor';
import { getAssessment } from '../../lib/data/assessments';
import { listMyWork } from '../../lib/data/dashboard';
import { listTransitions } from '../../lib/data/workflow';
import { users } from '../../db/schema';
import { getEdition, listEditions, listPublishedJurisdictions } from '../../lib/data/editions';
import { languagesByMonth } from '../../lib/domain/edition-languages';
import { NotFoundError } from '../../lib/data/errors';
import { importPortalPage, unsafeImportPortalPage, type ImportReport } from '../../lib/data/portal-import';
import { parsePortalPage } from '../../lib/domain/portal-import/parse-portal-page';
import { domainKeys } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

const seedDir = path.resolve('seeds/portal-pages');
const read = (file: string) => fs.readFileSync(path.join(seedDir, file), 'utf8');
const huaquillas = read('huaquillas-2024-06.fr-ui.es.txt');
const lima = read('lima-2022-08.fr-ui.es.txt');
const sonora = read('sonora-2024-06.fr-ui.es.txt');

async function counts() {
  const db = await getDb();
  const [e] = await db.select({ n: count() }).from(editions);
  const [j] = await db.select({ n: count() }).from(jurisdictions);
  return { editions: e.n, jurisdictions: j.n };
}

/** The bullets of one part of a stored document, as plain strings. */
function bulletTexts(doc: unknown): string[] {
  const list = (doc as { content: Array<{ type: string; content: Array<{ content: Array<{ content: Array<{ text: string }> }> }> }> }).content;
  expect(list.map((n) => n.type)).toEqual(['bulletList']);
  return list[0].content.map((item) => item.content[0].content.map((t) => t.text).join(''));
}

const outcomeOf = (r: ImportReport) => r.outcome;

describe.each(targets)('importing saved portal pages on %s', (target) => {
  freshDatabasePerSuite(target);

  it('a dry run describes the file and writes nothing', async () => {
    const before = await counts();
    const report = await unsafeImportPortalPage({ text: huaquillas, source: 'huaquillas.txt', dryRun: true });
    expect(report).toMatchObject({
      outcome: 'would_create',
      jurisdiction: { slug: 'huaquillas', name: 'Cantón Huaquillas', country: 'EC', level: 'municipality', isNew: true },
      language: 'es',
      year: 2024,
      month: 6,
      bullets: { migrants_rights: { strengths: 4, potential: 2 }, safe_orderly_regular: { strengths: 3, potential: 3 } },
    });
    expect(await counts()).toEqual(before);
  });

  it('publishes a file as an edition whose every bullet is the file\'s, and a second import creates nothing', async () => {
    const ecuador = await seedJurisdiction({ slug: 'ecuador', name: 'Ecuador', level: 'country', country: 'EC' });
    const report = await unsafeImportPortalPage({ text: huaquillas, source: 'huaquillas-2024-06.fr-ui.es.txt', dryRun: false });
    expect(report.outcome).toBe('created');

    const db = await getDb();
    const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.slug, 'huaquillas'));
    // "(Ecuador)" in the title is stored as its code, and finds its parent by it.
    expect(j).toMatchObject({ name: 'Cantón Huaquillas', level: 'municipality', country: 'EC', parentId: ecuador.id });

    const edition = (await getEdition('huaquillas', { year: 2024, month: 6 }))!;
    expect(edition).toMatchObject({ language: 'es', title: 'Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)' });
    expect(edition.note).toBe('Imported from huaquillas-2024-06.fr-ui.es.txt');
    expect(edition.signOff.importedFrom).toBe('huaquillas-2024-06.fr-ui.es.txt');
    const parsed = parsePortalPage(huaquillas);
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const d of domainKeys) {
      expect(bulletTexts(edition.content.domains[d].strengths)).toEqual(parsed.profile.domains[d].strengths);
      expect(bulletTexts(edition.content.domains[d].potential)).toEqual(parsed.profile.domains[d].potential);
    }

    const before = await counts();
    const again = await unsafeImportPortalPage({ text: huaquillas, source: 'copy.txt', dryRun: false });
    expect(again.outcome).toBe('unchanged');
    expect(await counts()).toEqual(before);
    expect((await unsafeImportPortalPage({ text: huaquillas, source: 'copy.txt', dryRun: true })).outcome).toBe('unchanged');
  });

  it('imported editions are immutable like any other', async () => {
    const db = await getDb();
    await expect(db.execute(sql`UPDATE editions SET title = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM editions`)).rejects.toThrow();
  });

  it('refuses different text for a month that already has its edition, writing nothing', async () => {
    const before = await counts();
    const changed = huaquillas.replace('  • Formular una Política Pública de Movilidad Humana local.', '  • Otra cosa.');
    const report = await unsafeImportPortalPage({ text: changed, source: 'changed.txt', dryRun: false });
    expect(report).toMatchObject({ outcome: 'refused', code: 'edition_differs', source: 'changed.txt' });
    expect(await counts()).toEqual(before);
  });

  it('takes the country from the existing jurisdiction when the title has none, or from the operator', async () => {
    // A name the country migration could not map stays as written, and still matches its country.
    await seedJurisdiction({ slug: 'lima', name: 'Lima', level: 'municipality', country: 'Perú' });
    expect((await unsafeImportPortalPage({ text: lima, source: 'lima.txt', dryRun: false })).outcome).toBe('created');
    expect((await getEdition('lima', { year: 2022, month: 8 }))?.jurisdiction).toEqual({ name: 'Lima', level: 'municipality', country: 'Perú' });

    const before = await counts();
    const elsewhere = lima.replace('2022 Août', '2023 Août');
    const mismatch = await unsafeImportPortalPage({ text: elsewhere, source: 'lima.txt', dryRun: false, country: 'Chile' });
    expect(mismatch).toMatchObject({ outcome: 'refused', code: 'country_mismatch' });

    const nowhere = lima.replace(': Municipalidad Metropolitana de Lima', ': Municipalidad Metropolitana de Callao');
    const noCountry = await unsafeImportPortalPage({ text: nowhere, source: 'callao.txt', dryRun: false });
    expect(noCountry).toMatchObject({ outcome: 'refused', code: 'country_required' });
    expect(noCountry.outcome === 'refused' && noCountry.message).toMatch(/--country/);
    const unknown = await unsafeImportPortalPage({ text: nowhere, source: 'callao.txt', dryRun: false, country: 'Atlantis' });
    expect(unknown).toMatchObject({ outcome: 'refused', code: 'country_unknown' });
    expect(await counts()).toEqual(before);

    const given = await unsafeImportPortalPage({ text: nowhere, source: 'callao.txt', dryRun: false, country: 'Pérou' });
    expect(given).toMatchObject({ outcome: 'created', jurisdiction: { slug: 'callao', country: 'PE', isNew: true } });
  });

  it('refuses a broken file whole, with its line, and writes nothing of it', async () => {
    const before = await counts();
    const truncated = sonora.split('\n').slice(0, 100).join('\n');
    const report = await unsafeImportPortalPage({ text: truncated, source: 'sonora.txt', dryRun: false });
    expect(report).toMatchObject({ outcome: 'refused', code: 'truncated', line: 101 });
    expect((await unsafeImportPortalPage({ text: 'x'.repeat(1_100_000), source: 'big.txt', dryRun: false })).outcome).toBe('refused');
    expect((await unsafeImportPortalPage({ text: 'a\u0000b', source: 'bin.txt', dryRun: false })).outcome).toBe('refused');
    expect(await counts()).toEqual(before);
  });

  it('parallel imports of one new file make one jurisdiction and one edition', async () => {
    const before = await counts();
    const reports = await Promise.all(
      Array.from({ length: 6 }, () => unsafeImportPortalPage({ text: sonora, source: 'sonora.txt', dryRun: false })),
    );
    expect(reports.map(outcomeOf).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await counts()).toEqual({ editions: before.editions + 1, jurisdictions: before.jurisdictions + 1 });
  });

  it('two saved pages of one profile and month in two languages become one edition in two languages', async () => {
    // The same page as the portal prints it in English: its headings say which language it is in.
    const spanish = huaquillas.replaceAll('Cantón Huaquillas', 'Cantón Arenillas').replace('2024 Juin', '2021 Mars');
    const english = spanish
      .replace(/^INTRODUCTION$/m, 'INTRODUCTION')
      .replace(/^DERECHOS DE LAS PERSONAS MIGRANTES$/m, "MIGRANTS' RIGHTS")
      .replace(/^ENFOQUE DE GOBIERNO INTEGRAL$/m, 'WHOLE OF GOVERNMENT APPROACH')
      .replace(/^ALIANZAS$/m, 'PARTNERSHIPS')
      .replace(/^BIENESTAR SOCIOECONÓMICO DE LAS PERSONAS MIGRANTES Y LA SOCIEDAD$/m, 'SOCIOECONOMIC WELL-BEING OF MIGRANTS AND SOCIETY')
      .replace(/^MOVILIDAD EN SITUACIONES DE CRISIS$/m, 'MOBILITY DIMENSIONS OF CRISES')
      .replace(/^MIGRACIÓN SEGURA, ORDENADA Y REGULAR$/m, 'SAFE, ORDERLY AND REGULAR MIGRATION')
      .replaceAll('Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:', 'Migration governance: Examples of well-developed areas:')
      .replaceAll('Áreas con potencial para un desarrollo adicional:', 'Areas with potential for further development:');
    const first = await unsafeImportPortalPage({ text: spanish, source: 'arenillas.es.txt', dryRun: false });
    expect(first).toMatchObject({ outcome: 'created', language: 'es' });
    const second = await unsafeImportPortalPage({ text: english, source: 'arenillas.en.txt', dryRun: false });
    // Linked into the month's edition, not refused as a second edition of that month.
    expect(second).toMatchObject({ outcome: 'created', language: 'en', jurisdiction: { slug: 'arenillas', isNew: false } });
    const listed = await listEditions({ jurisdiction: 'arenillas' });
    expect(listed.map((e) => e.language).sort()).toEqual(['en', 'es']);
    const languages = languagesByMonth(listed);
    for (const e of listed) expect(languages(e)).toEqual(['en', 'es']);
    expect((await getEdition('arenillas', { year: 2021, month: 3 }, 'en'))?.language).toBe('en');
    // Importing either again creates nothing.
    expect((await unsafeImportPortalPage({ text: english, source: 'again.txt', dryRun: false })).outcome).toBe('unchanged');
  });

  it('only admins import', async () => {
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    await expect(importPortalPage(consultant, { text: huaquillas, source: 'h.txt', dryRun: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(importPortalPage(null, { text: huaquillas, source: 'h.txt', dryRun: true })).rejects.toBeInstanceOf(NotFoundError);
    expect((await importPortalPage(admin, { text: huaquillas, source: 'h.txt', dryRun: true })).outcome).toBe('unchanged');
  });
});

describe.each(targets)('the demo data on %s', (target) => {
  freshDatabasePerSuite(target);

  it('publishes the three seed profiles, once', async () => {
    const { unsafeSeedDemoData } = await import('../../lib/data/demo-seed');
    await unsafeSeedDemoData();
    expect((await unsafeImportDemoEditions()).map(outcomeOf)).toEqual(['created', 'created', 'created']);
    expect((await unsafeImportDemoEditions()).map(outcomeOf)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const { rows } = await listPublishedJurisdictions();
    expect(rows.map((p) => [p.slug, p.latest.year, p.latest.month, p.latest.language])).toEqual([
      ['huaquillas', 2024, 6, 'es'],
      ['lima', 2022, 8, 'es'],
      ['sonora', 2024, 6, 'es'],
    ]);
  });

  it("puts Lima's next profile in review, from its edition, awaiting Lima's focal point (npm run demo)", async () => {
    const db = await getDb();
    const actorOf = async (email: string) => {
      const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      return (await loadActor(u.id, 'session'))!;
    };
    const id = await unsafeStartDemoReview();
    expect(id).not.toBeNull();
    const focal = await actorOf('focal.lima@example.org');
    const work = await listMyWork(focal);
    expect(work.toReview.map((w) => [w.id, w.jurisdictionSlug, w.state])).toEqual([[id, 'lima', 'in_review']]);
    expect((await listMyWork(await actorOf('focal.sonora@example.org'))).toReview).toEqual([]);
    expect((await listMyWork(await actorOf('consultant@example.org'))).drafts).toEqual([]);
    // The text is the published edition's, part for part.
    const profile = await getAssessment(focal, id!);
    const edition = (await getEdition('lima', 'latest'))!;
    expect(profile.basedOnEditionId).toBe(edition.id);
    expect(profile.parts.find((p) => p.section === 'migrants_rights' && p.part === 'strengths')?.doc).toEqual(edition.content.domains.migrants_rights.strengths);
    expect((await listTransitions(focal, id!)).map((t) => [t.action, t.note])).toEqual([['submit', DEMO_REVIEW_NOTE]]);
    // Once is enough: Lima has a round open.
    expect(await unsafeStartDemoReview()).toBeNull();
  });
});
