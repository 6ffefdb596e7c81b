import 'server-only';
import { fonts } from './fonts';
import { oneLine, style } from './layout';
import { breakLongWords } from './long-words';

/**
 * The running title (every page after the first, where the title itself
 * stands) and, on every page, the edition's address and "Page N of M". Drawn
 * once the text is laid out, when the number of pages is known (the document
 * buffers its pages). The margins are lifted meanwhile: PDFKit would otherwise
 * start a new page for text written below the bottom margin.
 */
export function drawPageFurniture(pdf: PDFKit.PDFDocument, furniture: { runningTitle: string; url: string; pageLabel: (n: number, total: number) => string }) {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const margins = { ...pdf.page.margins };
    pdf.page.margins = { top: 0, bottom: 0, left: margins.left, right: margins.right };
    const x = margins.left;
    const width = pdf.page.width - margins.left - margins.right;
    pdf.fontSize(8.5).lineGap(0);
    if (i > start) {
      const y = margins.top - 36;
      pdf.font(fonts.regular).fillColor(style.muted).text(breakLongWords(furniture.runningTitle), x, y, oneLine(pdf, width));
      pdf.save().moveTo(x, y + 16).lineTo(x + width, y + 16).lineWidth(0.6).strokeColor(style.rule).stroke().restore();
    }
    const y = pdf.page.height - margins.bottom + 30;
    const page = furniture.pageLabel(i - start + 1, count);
    pdf.font(fonts.regular).fillColor(style.muted);
    const pageWidth = pdf.widthOfString(page);
    pdf.text(page, x + width - pageWidth, y, { lineBreak: false });
    pdf.fillColor(style.link).text(furniture.url, x, y, { ...oneLine(pdf, width - pageWidth - 24), link: furniture.url });
    pdf.page.margins = margins;
  }
}
