import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A piece of text as PDF.js reads it back: its string, its font's real name, where it stands (PDF points, y up). */
export interface PdfText {
  str: string;
  font: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfLink {
  url: string | null;
  /** Named destination inside the document, for internal links. */
  dest: string | null;
  rect: [number, number, number, number];
}

export interface PdfPage {
  number: number;
  height: number;
  texts: PdfText[];
  links: PdfLink[];
}

/**
 * Reads a PDF back as a reader's software would (PDF.js): per page, the text
 * pieces with their fonts' real names (so "bold" means a bold face, not a
 * guess from the look), and the link annotations with their targets.
 */
export async function readPdf(data: Uint8Array): Promise<{ pages: PdfPage[]; title: string | null; outline: string[] }> {
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    // Loading the operator list makes PDF.js load the fonts, whose names the text items refer to.
    await page.getOperatorList();
    const content = await page.getTextContent();
    const fontName = (id: string) => {
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined;
      return font?.name ?? id;
    };
    const texts = content.items
      .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
      .filter((item) => item.str !== '')
      .map((item) => ({ str: item.str, font: fontName(item.fontName), x: item.transform[4], y: item.transform[5], width: item.width, size: Math.hypot(item.transform[2], item.transform[3]) }));
    const annotations = (await page.getAnnotations()) as Array<{ subtype: string; url?: string; dest?: unknown; rect: [number, number, number, number] }>;
    const links = annotations
      .filter((a) => a.subtype === 'Link')
      .map((a) => ({ url: a.url ?? null, dest: typeof a.dest === 'string' ? a.dest : null, rect: a.rect }));
    pages.push({ number: n, height: page.view[3], texts, links });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []).map((item) => item.title);
  await doc.destroy();
  return { pages, title: ((meta.info as { Title?: string }).Title ?? null), outline };
}

/**
 * A page's text pieces grouped into lines (same baseline), top to bottom, each
 * line's pieces left to right; a line's text has one space where its pieces
 * stand apart (columns), none where they touch (runs of one sentence).
 */
export function lines(page: PdfPage): Array<{ y: number; texts: PdfText[]; text: string }> {
  const rows: Array<{ y: number; texts: PdfText[] }> = [];
  for (const t of [...page.texts].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r.y - t.y) < 2);
    if (row) row.texts.push(t);
    else rows.push({ y: t.y, texts: [t] });
  }
  return rows.map((r) => {
    const texts = r.texts.sort((a, b) => a.x - b.x);
    const text = texts.map((t, i) => (i > 0 && t.x > texts[i - 1].x + texts[i - 1].width + 1 ? ' ' : '') + t.str).join('');
    return { y: r.y, texts, text: squash(text) };
  });
}

/**
 * The lines of a page between its top and bottom margins: the text itself,
 * without the running title above and the address and page number below.
 */
export function bodyLines(page: PdfPage, margins: { top: number; bottom: number }) {
  return lines(page).filter((l) => l.y > margins.bottom && l.y < page.height - margins.top);
}

/** The lines in the margins: running title (top) and footer (bottom). */
export function marginLines(page: PdfPage, margins: { top: number; bottom: number }) {
  const all = lines(page);
  return { top: all.filter((l) => l.y >= page.height - margins.top), bottom: all.filter((l) => l.y <= margins.bottom) };
}

/** The whole body text, pages joined, every line break and run of spaces as one space. */
export function bodyText(pages: PdfPage[], margins: { top: number; bottom: number }) {
  return squash(pages.flatMap((p) => bodyLines(p, margins).map((l) => l.text)).join(' '));
}

/** Any whitespace (no-break spaces included) as one space, trimmed: how text compares across a line break. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Text without any whitespace: how a passage compares when a line may break after a dash or hyphen, where no space was. */
export const compact = (s: string) => s.replace(/\s+/g, '');
