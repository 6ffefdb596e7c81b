import { beforeAll, describe, expect, it } from 'vitest';
import { domainKeys, domainName } from '@/lib/domain/profile';
import { editionView, profileOf, reviewedSignOff, seedEdition } from '@/tests/support/edition-fixture';
import { bodyLines, bodyText, compact, lines, marginLines, readPdf, squash } from '@/tests/support/read-pdf';
import { expectNoStrandedHeading } from '@/tests/support/pdf-assertions';
import type { Locale } from '@/lib/domain/locales';
import { blockText, docBlocks } from './pdf/rich-blocks';
import { style } from './pdf/style';
import { editionPdf } from './edition-pdf';

const URL_ = 'https://mgi.example.org/profiles/lima/2026-03?lang=fr';
const text = (t: string, ...marks: Array<string | { type: 'link'; href: string }>) => ({
  type: 'text',
  text: t,
  ...(marks.length ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : { type: 'link', attrs: { href: m.href } })) } : {}),
});
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const list = (...items: unknown[][]) => ({ type: 'doc', content: [{ type: 'bulletList', content: items.map((content) => ({ type: 'listItem', content })) }] });

const LONG = 'Une phrase assez longue pour passer à la ligne plusieurs fois dans la colonne, avec des accents : niñez, œuvre, l’État, déjà.';
const formatted = profileOf(
  { type: 'doc', content: [p(text('Ordinaire, '), text('gras', 'bold'), text(', '), text('italique', 'italic'), text(', '), text('les deux', 'bold', 'italic'), text(' et '), text('un lien', { type: 'link', href: 'https://example.org/source' }), text('.'))] },
  (domain, part) =>
    list(
      [p(text(`${domain} ${part} : ${LONG} ${LONG}`))],
      [p(text('Écrire à '), text('la mairie', { type: 'link', href: 'mailto:mairie@example.org' }))],
      [p(text('Parent')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text(`Enfant ${domain} ${part} ${LONG}`))] }] }],
    ),
);

async function pdfOf(...args: Parameters<typeof editionPdf>) {
  return readPdf(await editionPdf(...args));
}

describe('the edition PDF, read back', { timeout: 60_000 }, () => {
  // One PDF per interface language of the same formatted edition, made once: each takes a second or two.
  const read: Partial<Record<Locale, Awaited<ReturnType<typeof readPdf>>>> = {};
  beforeAll(async () => {
    for (const locale of ['fr', 'en', 'es'] as const) read[locale] = await pdfOf(editionView(formatted), locale, { url: URL_ });
  }, 120_000);

  it('is the same bytes every time for one edition and language, as its cached-for-good address promises', async () => {
    const edition = editionView(formatted);
    const [first, second] = [await editionPdf(edition, 'fr', { url: URL_ }), await editionPdf(edition, 'fr', { url: URL_ })];
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('keeps bold, italic and both in their own faces, and links as link annotations to their address', async () => {
    const { pages } = read.fr!;
    const piece = (s: string) => pages[0].texts.find((t) => t.str.includes(s))!;
    expect(piece('Ordinaire').font).toMatch(/NotoSans-Regular$/);
    expect(piece('gras').font).toMatch(/NotoSans-Bold$/);
    expect(piece('italique').font).toMatch(/NotoSans-Italic$/);
    expect(piece('les deux').font).toMatch(/NotoSans-BoldItalic$/);
    // The link covers its words, and only them: it starts after "et " and ends before the full stop of the same piece.
    const linked = piece('un lien');
    expect(linked.str).toBe('et un lien.');
    const link = pages[0].links.find((l) => l.url === 'https://example.org/source')!;
    const [x1, y1, x2, y2] = link.rect;
    expect(x1).toBeGreaterThan(linked.x + 5);
    expect(x2).toBeLessThan(linked.x + linked.width - 1);
    expect(x2 - x1).toBeGreaterThan(linked.width / 2);
    expect(linked.y).toBeGreaterThan(y1);
    expect(linked.y).toBeLessThan(y2);
    const everyLink = pages.flatMap((pg) => pg.links.map((l) => l.url));
    expect(everyLink.filter((u) => u === 'mailto:mairie@example.org')).toHaveLength(12);
  });

  it('hangs wrapped lines of a bullet under its text, and nested bullets one step further in', async () => {
    const { pages } = read.fr!;
    const all = pages.flatMap((pg) => bodyLines(pg, style.margins));
    const start = all.findIndex((l) => l.text.startsWith('•') && l.text.includes('migrants_rights strengths'));
    const [first, second, third] = all.slice(start, start + 3);
    // PDF.js reads the marker and its text as one piece: the marker stands where the piece starts.
    const markerX = first.texts[0].x;
    expect(first.text.startsWith('• migrants_rights strengths')).toBe(true);
    // The wrapped lines start under the text, one step in from the marker, not under it.
    const textX = second.texts[0].x;
    expect(textX).toBeGreaterThan(markerX + 5);
    expect(third.texts[0].x).toBeCloseTo(textX, 1);
    const child = all.findIndex((l) => l.text.startsWith('– Enfant migrants_rights strengths'));
    expect(all[child].texts[0].x).toBeGreaterThan(markerX + 5);
    expect(all[child + 1].texts[0].x).toBeGreaterThan(textX + 5);
  });

  it('prints the label, the publication date, the address as a link and the sign-off trail, with names and dates', async () => {
    const { pages, title } = read.fr!;
    const first = lines(pages[0]).map((l) => l.text);
    expect(first).toContain('2026 Mars');
    expect(squash(first.join(' '))).toContain('Profil de gouvernance des migrations : Lima (Pérou) Publiée');
    expect(first).toContain('Publiée le 10 mars 2026.');
    expect(first).toContain(`Source : ${URL_}`);
    expect(title).toBe('Profil de gouvernance des migrations : Lima (Pérou) · 2026 Mars');
    const last = lines(pages.at(-1)!).map((l) => l.text);
    expect(last).toContain('Relecture et approbation');
    expect(last).toContain(`Soumis pour relecture ${reviewedSignOff.submittedBy} 2 mars 2026`);
    expect(last).toContain(`Approuvé ${reviewedSignOff.approvedBy} 9 mars 2026`);
    expect(last).toContain(`Publié ${reviewedSignOff.publishedBy} 10 mars 2026`);
    expect(last).toContain('3 commentaires de relecture résolus');
    expect(last).toContain(`Source : ${URL_}`);
    // The address is a real link wherever it is printed.
    for (const page of pages) expect(page.links.some((l) => l.url === URL_)).toBe(true);
  });

  it('lists the suggested changes decided per domain, with who decided them', async () => {
    const signOff = {
      ...reviewedSignOff,
      suggestions: [
        { section: 'introduction', accepted: 1, rejected: 0, decidedBy: ['Carla'] },
        { section: 'partnerships', accepted: 2, rejected: 3, decidedBy: ['Carla', 'Diego'] },
      ],
    };
    const pdf = await pdfOf(editionView(formatted, { signOff }), 'en', { url: URL_ });
    const last = lines(pdf.pages.at(-1)!).map((l) => l.text);
    expect(last).toContain('Suggested changes decided');
    expect(last).toContain('• Introduction: 1 accepted, 0 rejected, by Carla.');
    expect(last).toContain('• Partnerships: 2 accepted, 3 rejected, by Carla and Diego.');
    // Without decisions (or in editions from before they were recorded), nothing is said.
    const none = await pdfOf(editionView(formatted, { signOff: reviewedSignOff }), 'en', { url: URL_ });
    expect(lines(none.pages.at(-1)!).map((l) => l.text)).not.toContain('Suggested changes decided');
  });

  it('says who was not recorded rather than leaving a blank, and names the file of an imported edition', async () => {
    const unknown = await pdfOf(editionView(formatted, { signOff: { ...reviewedSignOff, submittedBy: null, submittedAt: null } }), 'en', { url: URL_ });
    expect(lines(unknown.pages.at(-1)!).map((l) => l.text)).toContain('Submitted for review Not recorded —');
    const imported = await pdfOf(seedEdition('huaquillas-2024-06.fr-ui.es.txt'), 'es', { url: URL_ });
    const last = lines(imported.pages.at(-1)!).map((l) => l.text);
    expect(last).toContain('Importado de huaquillas-2024-06.fr-ui.es.txt.');
    expect(last.some((l) => l.startsWith('Enviado a revisión'))).toBe(false);
  });

  it('puts the running title and "Page N of M" in the reader’s language on the pages, the title only after the first', async () => {
    for (const [locale, label, page] of [
      ['fr', '2026 Mars', (n: number, m: number) => `Page ${n} sur ${m}`],
      ['en', '2026 March', (n: number, m: number) => `Page ${n} of ${m}`],
      ['es', '2026 Marzo', (n: number, m: number) => `Página ${n} de ${m}`],
    ] as const) {
      const { pages } = read[locale]!;
      expect(pages.length).toBeGreaterThan(2);
      for (const pg of pages) {
        const { top, bottom } = marginLines(pg, style.margins);
        expect(bottom.map((l) => l.text)).toEqual([`${URL_} ${page(pg.number, pages.length)}`]);
        expect(top.map((l) => l.text)).toEqual(pg.number === 1 ? [] : [`Profil de gouvernance des migrations : Lima (Pérou) · ${label}`]);
      }
    }
  });

  it('draws the six-domain wheel, whose legend links to each domain in the document', async () => {
    const { pages, outline } = read.en!;
    const first = lines(pages[0]).map((l) => l.text);
    for (const [i, key] of domainKeys.entries()) expect(first).toContain(`${i + 1}. ${domainName(key, 'fr')}`);
    expect(pages[0].links.filter((l) => l.dest?.startsWith('domain-')).map((l) => l.dest)).toEqual(domainKeys.map((k) => `domain-${k}`));
    expect(pages[0].texts.filter((t) => /^[1-6]$/.test(t.str)).map((t) => t.str).sort()).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(outline).toEqual(domainKeys.map((k) => domainName(k, 'fr')));
  });

  it('prints accented and typographic characters as written, in a font that has them, in every PDF a process makes', async () => {
    const tricky = 'Niñez, œuvre, l’État, « guillemets », 10\u202f000 km, Şanlıurfa, Łódź, Győr, 2021–2023 €';
    const edition = editionView(profileOf(list([p(text(tricky))]), () => list([p(text('x'))])));
    // Twice: a font's glyph cache must not carry one document's state into the next (fontkit issue #154).
    for (let i = 0; i < 2; i++) {
      const { pages } = await pdfOf(edition, 'fr', { url: URL_ });
      // PDF.js reads no-break spaces back as spaces, like any copy from a PDF.
      expect(bodyText(pages, style.margins)).toContain(squash(tricky));
    }
  });

  it('keeps every bullet of the real profiles exactly once, and strands no heading', async () => {
    for (const file of ['huaquillas-2024-06.fr-ui.es.txt', 'lima-2022-08.fr-ui.es.txt', 'sonora-2024-06.fr-ui.es.txt']) {
      const edition = seedEdition(file);
      const { pages } = await pdfOf(edition, 'fr', { url: URL_ });
      const whole = compact(bodyText(pages, style.margins));
      const bullets = domainKeys.flatMap((k) => [edition.content.domains[k].strengths, edition.content.domains[k].potential]).flatMap((d) => docBlocks(d).map(blockText));
      expect(bullets.length).toBeGreaterThan(20);
      for (const b of bullets) expect(whole.split(compact(b)).length - 1, `${file}: ${b}`).toBe(1);
      expectNoStrandedHeading(pages, 'es');
    }
  });
});

