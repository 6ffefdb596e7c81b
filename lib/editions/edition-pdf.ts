import 'server-only';
import PDFDocument from 'pdfkit';
import type { EditionView } from '../data/editions';
import { editionLabel } from '../domain/edition';
import { domainKeys, domainName, domainParts, partHeadings } from '../domain/profile';

type Json = { type?: string; text?: string; content?: Json[] };

const textOf = (node: Json): string => (node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join(''));

/** Writes a document's paragraphs and (nested) lists into the PDF. */
function writeDoc(pdf: PDFKit.PDFDocument, doc: unknown, depth = 0) {
  for (const block of ((doc as Json | null)?.content ?? []) as Json[]) {
    if (block.type === 'paragraph') {
      const text = textOf(block);
      if (text) pdf.font('Helvetica').fontSize(10.5).text(text, { indent: depth * 14, paragraphGap: 4 });
    } else if (block.type === 'bulletList' || block.type === 'orderedList') {
      (block.content ?? []).forEach((item, i) => {
        const [first, ...rest] = item.content ?? [];
        const marker = block.type === 'bulletList' ? '•' : `${i + 1}.`;
        pdf.font('Helvetica').fontSize(10.5).text(`${marker}  ${first ? textOf(first) : ''}`, 56 + depth * 14 + 8, undefined, { indent: 0, paragraphGap: 3 });
        pdf.x = 56;
        if (rest.length) writeDoc(pdf, { content: rest }, depth + 1);
      });
      pdf.moveDown(0.4);
    }
  }
}

/**
 * The edition as a PDF, laid out from the frozen documents (not a screenshot
 * of the page): title, label, introduction, and each domain's two lists.
 * Built with PDFKit's standard fonts, so nothing is fetched or installed.
 */
export function editionPdf(edition: EditionView, uiLocale: string): Promise<Buffer> {
  const label = editionLabel(edition.year, edition.month, uiLocale);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: `${edition.title} · ${label}`, Subject: 'Migration Governance Indicators profile', Creator: 'MGI Studio' },
    lang: edition.language,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  pdf.font('Helvetica').fontSize(11).fillColor('#4a5565').text(label);
  pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(20).fillColor('#0b3d91').text(edition.title);
  pdf.moveDown(0.8).fillColor('#1b2430');
  writeDoc(pdf, edition.content.introduction);
  for (const key of domainKeys) {
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#0b3d91').text(domainName(key, edition.language).toLocaleUpperCase(edition.language));
    pdf.fillColor('#1b2430');
    for (const part of domainParts) {
      pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(11).text(`${partHeadings[part][edition.language]}:`);
      pdf.moveDown(0.2);
      writeDoc(pdf, edition.content.domains[key]?.[part]);
    }
  }
  pdf.end();
  return done;
}
