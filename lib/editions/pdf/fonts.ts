import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

/*
 * Noto Sans, embedded (only the glyphs used) from the @expo-google-fonts/noto-sans
 * package: read from node_modules, never fetched. PDFKit's standard fonts are
 * WinAnsi only: they print "ñ", "é", "œ" and "’", but a narrow no-break space
 * (which French typography and Intl's French formats use), "ş", "ł", "ő" and
 * the like come out as wrong letters. Noto Sans covers Latin, Greek and
 * Cyrillic in full, and the text stays extractable (PDFKit writes a
 * ToUnicode map). Read from the project folder, like the migrations
 * (db/client.ts): the app, the CLI and the tests all run from there.
 */
const folder = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans');

export const fonts = {
  regular: 'NotoSans-Regular',
  italic: 'NotoSans-Italic',
  bold: 'NotoSans-Bold',
  boldItalic: 'NotoSans-BoldItalic',
  semiBold: 'NotoSans-SemiBold',
} as const;

const files: Record<keyof typeof fonts, string> = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  semiBold: '600SemiBold/NotoSans_600SemiBold.ttf',
};

let loaded: Map<string, Buffer> | undefined;

/**
 * Registers the faces on a document; the files are read once per process.
 * Each document parses them anew (PDFKit's way with a file): sharing parsed
 * fontkit fonts between documents would be faster, but fontkit caches each
 * glyph with the characters it was first met for, and a subset's composite
 * glyphs (the dotless "ı" inside "i") are met for none, so a later document
 * would print an "ı" that copies as garbage (fontkit issue #154).
 */
export function registerFonts(pdf: PDFKit.PDFDocument) {
  loaded ??= new Map(Object.entries(files).map(([key, file]) => [fonts[key as keyof typeof fonts], fs.readFileSync(path.join(folder, file))]));
  for (const [name, data] of loaded) pdf.registerFont(name, data);
}

export function fontFor(run: { bold: boolean; italic: boolean }) {
  if (run.bold) return run.italic ? fonts.boldItalic : fonts.bold;
  return run.italic ? fonts.italic : fonts.regular;
}
