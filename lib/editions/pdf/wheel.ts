import 'server-only';
import { domainKeys, domainName } from '../../domain/profile';
import { domainColors, wheelPoint, wheelSector, type WheelSize } from '../../domain/wheel-geometry';
import { fonts } from './fonts';
import { keepSpace, left, oneLine, right, style, type TextOptions } from './layout';

const size: WheelSize = { center: 78, outer: 74, inner: 31 };
const diameter = size.center * 2;

/**
 * The six-domain wheel as on the page (same geometry and colours,
 * lib/domain/wheel-geometry.ts), drawn as vector paths, with a legend whose
 * entries link to each domain's findings further on in the PDF.
 */
export function drawWheel(pdf: PDFKit.PDFDocument, language: string, title: string) {
  keepSpace(pdf, diameter + 40);
  pdf.y += 14;
  pdf.font(fonts.semiBold).fontSize(11).fillColor(style.accent).text(title, left(pdf), pdf.y);
  pdf.y += 8;
  const top = pdf.y;
  const x0 = left(pdf);
  domainKeys.forEach((key, i) => {
    pdf.save().translate(x0, top).path(wheelSector(size, i * 60 + 1, i * 60 + 59)).fill(domainColors[key]).restore();
    const [cx, cy] = wheelPoint(size, (size.outer + size.inner) / 2, i * 60 + 30);
    const number = String(i + 1);
    pdf.font(fonts.bold).fontSize(12).fillColor('#ffffff');
    pdf.text(number, x0 + cx - pdf.widthOfString(number) / 2, top + cy - pdf.currentLineHeight() / 2, { lineBreak: false });
  });
  pdf.save().circle(x0 + size.center, top + size.center, size.inner - 4).fill('#eef2f7').restore();
  pdf.font(fonts.bold).fontSize(12).fillColor(style.accent);
  pdf.text('MGI', x0 + size.center - pdf.widthOfString('MGI') / 2, top + size.center - pdf.currentLineHeight() / 2, { lineBreak: false });

  // The legend, beside the wheel, vertically centred on it.
  const legendX = x0 + diameter + 24;
  const rowHeight = 21;
  let y = top + size.center - (rowHeight * domainKeys.length) / 2;
  domainKeys.forEach((key, i) => {
    pdf.save().roundedRect(legendX, y + 2, 10, 10, 2).fill(domainColors[key]).restore();
    pdf.font(fonts.regular).fontSize(style.body).fillColor(style.text);
    const options: TextOptions = { ...oneLine(pdf, right(pdf) - legendX - 16), goTo: `domain-${key}` };
    pdf.text(`${i + 1}. ${domainName(key, language)}`, legendX + 16, y, options);
    y += rowHeight;
  });
  pdf.x = left(pdf);
  pdf.y = top + diameter + 12;
}
