import 'server-only';
import { blockText, type Block } from './rich-blocks';
import { fontFor, fonts } from './fonts';
import { style } from './style';
import { breakLongWords } from './long-words';

export { style };

/** PDFKit's text options, with the two its types leave out: a named destination here, and a link to one. */
export type TextOptions = PDFKit.Mixins.TextOptions & { destination?: string; goTo?: string };

export const left = (pdf: PDFKit.PDFDocument) => pdf.page.margins.left;
export const right = (pdf: PDFKit.PDFDocument) => pdf.page.width - pdf.page.margins.right;
export const bottom = (pdf: PDFKit.PDFDocument) => pdf.page.height - pdf.page.margins.bottom;

/** Starts a new page unless `height` fits between the cursor and the bottom margin. */
export function keepSpace(pdf: PDFKit.PDFDocument, height: number) {
  if (pdf.y + height > bottom(pdf)) pdf.addPage();
}

/** Where a block's text starts and how wide it runs: a marker hangs in the step before the text. */
function geometry(pdf: PDFKit.PDFDocument, block: Block) {
  const markerX = left(pdf) + block.depth * style.indent;
  const textX = block.marker === null ? markerX : markerX + style.indent;
  return { markerX, textX, width: right(pdf) - textX };
}

const lineHeight = (pdf: PDFKit.PDFDocument) => pdf.font(fonts.regular).fontSize(style.body).currentLineHeight(true) + style.lineGap;

/**
 * The height a block will take, at most `maxLines` lines. Measured in the
 * bold face when any of it is bold (wider), so a keep-together decision errs
 * on the side of room.
 */
export function blockHeight(pdf: PDFKit.PDFDocument, block: Block, maxLines = Infinity) {
  const { width } = geometry(pdf, block);
  // Runs are broken already, but a word may run across several (formatting changing inside it).
  const text = breakLongWords(blockText(block)) || ' ';
  pdf.font(block.runs.some((r) => r.bold) ? fonts.bold : fonts.regular).fontSize(style.body);
  const full = pdf.heightOfString(text, { width, lineGap: style.lineGap });
  return Math.min(full, maxLines * lineHeight(pdf)) + style.paragraphGap;
}

/**
 * Writes one paragraph or list item. Runs keep their bold and italic faces,
 * links become link annotations (underlined, in the link colour), and wrapped
 * lines start under the text, not under the marker (a hanging indent; PDFKit
 * wraps every line of a text call at the x it started from, on later pages too).
 */
export function writeBlock(pdf: PDFKit.PDFDocument, block: Block) {
  const { markerX, textX, width } = geometry(pdf, block);
  // The marker and the first line of its text stay on one page.
  keepSpace(pdf, lineHeight(pdf));
  const y = pdf.y;
  if (block.marker !== null) {
    pdf.font(fonts.regular).fontSize(style.body).fillColor(style.muted);
    // Numbers end at the same place ("9." and "10." line up), as a browser sets them.
    const markerWidth = pdf.widthOfString(block.marker);
    pdf.text(block.marker, Math.max(markerX, textX - 5 - markerWidth), y, { lineBreak: false });
  }
  if (block.runs.length === 0) {
    pdf.y = y + lineHeight(pdf) + style.paragraphGap;
    pdf.x = left(pdf);
    return;
  }
  pdf.fontSize(style.body);
  block.runs.forEach((run, i) => {
    const last = i === block.runs.length - 1;
    pdf.font(fontFor(run)).fillColor(run.href ? style.link : style.text);
    // Every option named on every run: PDFKit carries a continued call's options over to the next.
    const options: TextOptions = { width, lineGap: style.lineGap, continued: !last, link: run.href, underline: run.href !== null, paragraphGap: last ? style.paragraphGap : 0 };
    if (i === 0) pdf.text(run.text, textX, y, options);
    else pdf.text(run.text, options);
  });
  pdf.x = left(pdf);
}

export interface Heading {
  text: string;
  font: string;
  size: number;
  color: string;
  before: number;
  after: number;
  /** Named destination, so that the wheel's legend can link here. */
  destination?: string;
  characterSpacing?: number;
}

const headingHeight = (pdf: PDFKit.PDFDocument, h: Heading) =>
  h.before + pdf.font(h.font).fontSize(h.size).heightOfString(breakLongWords(h.text), { width: right(pdf) - left(pdf), characterSpacing: h.characterSpacing ?? 0 }) + h.after;

/**
 * Writes headings together with the start of what follows them (the first two
 * lines of `next`), on a new page if they do not all fit: no page ends with a heading.
 */
export function writeHeadings(pdf: PDFKit.PDFDocument, headings: Heading[], next: Block | undefined) {
  const needed = headings.reduce((sum, h) => sum + headingHeight(pdf, h), 0) + (next ? blockHeight(pdf, next, 2) : 0);
  keepSpace(pdf, needed);
  for (const h of headings) {
    pdf.y += h.before;
    pdf.font(h.font).fontSize(h.size).fillColor(h.color);
    const options: TextOptions = { width: right(pdf) - left(pdf), characterSpacing: h.characterSpacing ?? 0, ...(h.destination ? { destination: h.destination } : {}) };
    pdf.text(breakLongWords(h.text), left(pdf), pdf.y, options);
    pdf.y += h.after;
  }
}

/** Options that keep a text to one line of `width`, cut with an ellipsis if longer (in the current font and size). */
export const oneLine = (pdf: PDFKit.PDFDocument, width: number): TextOptions => ({ width, height: pdf.currentLineHeight(true) + 1, ellipsis: true, lineGap: 0 });

/** A thin horizontal rule across the text column. */
export function rule(pdf: PDFKit.PDFDocument, gap = 8) {
  pdf.y += gap;
  pdf.save().moveTo(left(pdf), pdf.y).lineTo(right(pdf), pdf.y).lineWidth(0.6).strokeColor(style.rule).stroke().restore();
  pdf.y += gap;
}
