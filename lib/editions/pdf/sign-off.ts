import 'server-only';
import type { SignOff, SuggestionTally } from '../../domain/edition';
import { fonts } from './fonts';
import { keepSpace, left, right, style, writeHeadings } from './layout';
import { breakLongWords } from './long-words';

export interface SignOffTexts {
  title: string;
  steps: { submitted: string; approved: string; published: string };
  notRecorded: string;
  importedFrom: (file: string) => string;
  resolvedComments: (n: number) => string;
  /** The heading and one line per domain of the suggested changes decided. */
  suggestions: { title: string; line: (tally: SuggestionTally) => string };
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
  keepSpace(pdf, 40 + rows.length * 34 + 60);
  writeHeadings(pdf, [{ text: texts.title, font: fonts.bold, size: 13, color: style.accent, before: 18, after: 6 }], undefined);
  const x = left(pdf);
  const width = right(pdf) - x;
  const columns = [x, x + width * 0.36, x + width * 0.7];
  // Cells wrap within their column (names can be long); a row is as tall as its tallest cell.
  const widths = [columns[1] - columns[0] - 10, columns[2] - columns[1] - 10, x + width - columns[2]];
  for (const [step, who, when] of rows) {
    const cells: Array<[string, string, string]> = [
      [step, fonts.semiBold, style.text],
      [who ?? (signOff.importedFrom ? '' : texts.notRecorded), fonts.regular, style.text],
      [when ? texts.date(when) : '—', fonts.regular, style.muted],
    ];
    const y = pdf.y;
    let height = 0;
    cells.forEach(([content, font, color], i) => {
      pdf.font(font).fontSize(style.body).fillColor(color);
      const text = breakLongWords(content);
      height = Math.max(height, pdf.heightOfString(text || ' ', { width: widths[i] }));
      if (text) pdf.text(text, columns[i], y, { width: widths[i] });
    });
    pdf.y = y + height + 4;
  }
  pdf.x = x;
  pdf.y += 4;
  pdf.font(fonts.regular).fontSize(style.body).fillColor(style.muted);
  pdf.text(breakLongWords(signOff.importedFrom ? texts.importedFrom(signOff.importedFrom) : texts.resolvedComments(signOff.resolvedComments)), x, pdf.y, { width });
  pdf.y += 4;
  if (!signOff.importedFrom && signOff.suggestions?.length) {
    pdf.text(texts.suggestions.title, x, pdf.y, { width });
    for (const tally of signOff.suggestions) pdf.text(`• ${texts.suggestions.line(tally)}`, x + 8, pdf.y, { width: width - 8 });
    pdf.y += 4;
  }
  pdf.text(texts.source.before, x, pdf.y, { width, continued: true });
  pdf.fillColor(style.link).text(url, { link: url, underline: true, continued: texts.source.after !== '' });
  if (texts.source.after) pdf.fillColor(style.muted).text(texts.source.after, { link: null, underline: false });
  pdf.fillColor(style.text);
}
