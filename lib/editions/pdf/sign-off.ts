import 'server-only';
import type { SignOff } from '../../domain/edition';
import { fonts } from './fonts';
import { keepSpace, left, right, style, writeHeadings } from './layout';

export interface SignOffTexts {
  title: string;
  steps: { submitted: string; approved: string; published: string };
  notRecorded: string;
  importedFrom: (file: string) => string;
  resolvedComments: (n: number) => string;
  /** The sentence around the address, which is written as a link. */
  source: { before: string; after: string };
  date: (iso: string) => string;
}

/**
 * Who carried the edition to publication and when: one row per step (submitted
 * for review, approved, published), then the review comments resolved, or for
 * an imported edition the file it came from; and the edition's address. Kept
 * together on one page.
 */
export function writeSignOff(pdf: PDFKit.PDFDocument, signOff: SignOff, texts: SignOffTexts, url: string) {
  const rows: Array<[string, string | null, string | null]> = signOff.importedFrom
    ? [[texts.steps.published, null, signOff.publishedAt]]
    : [
        [texts.steps.submitted, signOff.submittedBy, signOff.submittedAt],
        [texts.steps.approved, signOff.approvedBy, signOff.approvedAt],
        [texts.steps.published, signOff.publishedBy, signOff.publishedAt],
      ];
  const rowHeight = 17;
  keepSpace(pdf, 40 + rows.length * rowHeight + 60);
  writeHeadings(pdf, [{ text: texts.title, font: fonts.bold, size: 13, color: style.accent, before: 18, after: 6 }], undefined);
  const x = left(pdf);
  const width = right(pdf) - x;
  const columns = [x, x + width * 0.36, x + width * 0.7];
  for (const [step, who, when] of rows) {
    const y = pdf.y;
    pdf.fontSize(style.body);
    pdf.font(fonts.semiBold).fillColor(style.text).text(step, columns[0], y, { width: columns[1] - columns[0] - 8, lineBreak: false });
    if (who !== null || !signOff.importedFrom) pdf.font(fonts.regular).text(who ?? texts.notRecorded, columns[1], y, { width: columns[2] - columns[1] - 8, lineBreak: false });
    pdf.font(fonts.regular).fillColor(style.muted).text(when ? texts.date(when) : '—', columns[2], y, { width: x + width - columns[2], lineBreak: false });
    pdf.y = y + rowHeight;
  }
  pdf.x = x;
  pdf.y += 4;
  pdf.font(fonts.regular).fontSize(style.body).fillColor(style.muted);
  pdf.text(signOff.importedFrom ? texts.importedFrom(signOff.importedFrom) : texts.resolvedComments(signOff.resolvedComments), x, pdf.y, { width });
  pdf.y += 4;
  pdf.text(texts.source.before, x, pdf.y, { width, continued: true });
  pdf.fillColor(style.link).text(url, { link: url, underline: true, continued: texts.source.after !== '' });
  if (texts.source.after) pdf.fillColor(style.muted).text(texts.source.after, { link: null, underline: false });
  pdf.fillColor(style.text);
}
