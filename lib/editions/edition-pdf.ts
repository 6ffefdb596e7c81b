import 'server-only';
import PDFDocument from 'pdfkit';
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import type { EditionView } from '../data/editions';
import { editionLabel } from '../domain/edition';
import { defaultLocale, isLocale, type Locale } from '../domain/locales';
import { domainKeys, domainName, domainParts, partHeadings, type DomainKey } from '../domain/profile';
import { fonts, registerFonts } from './pdf/fonts';
import { drawPageFurniture } from './pdf/furniture';
import { left, right, rule, style, writeBlock, writeHeadings, type TextOptions } from './pdf/layout';
import { docBlocks } from './pdf/rich-blocks';
import { writeSignOff } from './pdf/sign-off';
import { drawWheel } from './pdf/wheel';
import { breakLongWords } from './pdf/long-words';
import { withColon } from '../domain/french-spacing';

const catalogs = { en, fr, es } as const;

/** Splits a message around its `{url}`, so that the address alone becomes the link. */
function aroundUrl(t: (key: 'editionPdf.source', values: { url: string }) => string) {
  const [before, after = ''] = t('editionPdf.source', { url: '\u0001' }).split('\u0001');
  return { before, after };
}

/**
 * The edition as a PDF a ministry can print and file, laid out from the frozen
 * documents (not a screenshot of the page): label, title, publication date and
 * address; the introduction, the six-domain wheel, each domain's two lists
 * with their bold, italic and links; the sign-off trail; a running title and
 * "Page N of M" on the pages. The profile's text and headings are in its
 * content language; the rest (label, dates, page numbers) in the reader's
 * interface language, as on the page. Fonts are embedded from node_modules
 * (pdf/fonts.ts): nothing is fetched.
 */
export function editionPdf(edition: EditionView, uiLocale: string, options: { url: string }): Promise<Buffer> {
  const ui: Locale = isLocale(uiLocale) ? uiLocale : defaultLocale;
  const t = createTranslator({ locale: ui, messages: catalogs[ui] });
  const lang = edition.language;
  const label = editionLabel(edition.year, edition.month, ui);
  const date = (value: Date | string) => new Intl.DateTimeFormat(ui, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(value));
  const pdf = new PDFDocument({
    size: 'A4',
    margins: style.margins,
    bufferPages: true,
    autoFirstPage: true,
    // Dated by the publication, not the moment of the request: the file's ID derives from these, so one
    // version's PDF is the same bytes every time (its address is cached for good: cache-policy.ts).
    info: { Title: `${edition.title} · ${label}`, Subject: t('editionPdf.kicker'), Creator: 'MGI Studio', CreationDate: new Date(edition.publishedAt) },
    lang,
    displayTitle: true,
  });
  registerFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = right(pdf) - left(pdf);

  // The title block: what this is, which edition, when, and where it lives.
  pdf.font(fonts.semiBold).fontSize(8.5).fillColor(style.muted).text(t('editionPdf.kicker').toLocaleUpperCase(ui), { width, characterSpacing: 0.8 });
  pdf.moveDown(0.6).font(fonts.semiBold).fontSize(13).fillColor(style.accent).text(label, { width });
  pdf.moveDown(0.2).font(fonts.bold).fontSize(20).fillColor(style.accent).text(breakLongWords(edition.title), { width, lineGap: 1 });
  pdf.moveDown(0.5).font(fonts.regular).fontSize(10).fillColor(style.muted).text(t('public.published', { date: date(edition.publishedAt) }), { width });
  // A correction says so, and what was corrected, as its page does.
  if (edition.version > 1 && edition.note) pdf.fillColor(style.text).text(breakLongWords(t('public.correctionNote', { date: date(edition.publishedAt), note: edition.note })), { width }).fillColor(style.muted);
  const source = aroundUrl(t);
  pdf.text(source.before, { width, continued: true });
  const urlOptions: TextOptions = { link: options.url, underline: true, continued: source.after !== '' };
  pdf.fillColor(style.link).text(options.url, urlOptions);
  if (source.after) pdf.fillColor(style.muted).text(source.after, { link: null, underline: false });
  rule(pdf, 10);

  const body = { font: fonts.bold, color: style.accent };
  const introduction = docBlocks(edition.content.introduction);
  writeHeadings(pdf, [{ text: `${t('public.keyFindings')} · ${t('public.introduction')}`, font: fonts.semiBold, size: 9, color: style.muted, before: 0, after: 4, characterSpacing: 0.4 }], introduction[0]);
  introduction.forEach((block) => writeBlock(pdf, block));

  drawWheel(pdf, lang, t('editionPdf.wheelTitle'));

  for (const key of domainKeys) {
    const name = domainName(key, lang);
    domainParts.forEach((part, i) => {
      const written = docBlocks(edition.content.domains[key]?.[part]);
      // An empty part (only an imported edition can have one) shows a dash, so that its heading never stands alone.
      const blocks = written.length ? written : [{ depth: 0, marker: null, runs: [{ text: '—', bold: false, italic: false, href: null }] }];
      const partHeading = { text: withColon(partHeadings[part][lang], lang), font: fonts.semiBold, size: 11, color: style.text, before: i === 0 ? 4 : 10, after: 4 };
      if (i === 0) {
        writeHeadings(
          pdf,
          [
            { text: t('public.keyFindings').toLocaleUpperCase(ui), font: fonts.semiBold, size: 8, color: style.muted, before: 18, after: 2, characterSpacing: 0.6 },
            { text: name, ...body, size: 15, before: 0, after: 4, destination: `domain-${key}` },
            partHeading,
          ],
          blocks[0],
        );
        pdf.outline.addItem(name);
      } else writeHeadings(pdf, [partHeading], blocks[0]);
      blocks.forEach((block) => writeBlock(pdf, block));
    });
  }

  writeSignOff(
    pdf,
    edition.signOff,
    {
      title: t('editionPdf.signOffTitle'),
      steps: { submitted: t('editionPdf.stepSubmitted'), approved: t('editionPdf.stepApproved'), published: t('editionPdf.stepPublished') },
      notRecorded: t('editionPdf.notRecorded'),
      importedFrom: (file) => t('public.importedFrom', { file }),
      resolvedComments: (n) => t('public.resolvedComments', { n }),
      suggestions: {
        title: t('public.suggestionsTitle'),
        line: (x) =>
          t('public.suggestionsDecided', {
            section: x.section === 'introduction' ? t('public.introduction') : domainName(x.section as DomainKey, ui),
            accepted: x.accepted,
            rejected: x.rejected,
            names: new Intl.ListFormat(ui, { type: 'conjunction' }).format(x.decidedBy.length > 0 ? x.decidedBy : ['—']),
          }),
      },
      source,
      date,
    },
    options.url,
  );

  drawPageFurniture(pdf, { runningTitle: `${edition.title} · ${label}`, url: options.url, pageLabel: (n, total) => t('editionPdf.page', { n, total }) });
  pdf.end();
  return done;
}
