import { expect } from 'vitest';
import { style } from '@/lib/editions/pdf/style';
import { domainKeys, domainName, partHeadings } from '@/lib/domain/profile';
import { bodyLines, type PdfPage } from './read-pdf';

/** Every string a heading of the PDF can hold: none may be the last line of a page. */
export function headingTexts(language: 'fr' | 'es' | 'en') {
  return new Set([
    ...domainKeys.map((k) => domainName(k, language)),
    ...Object.values(partHeadings).map((h) => `${h[language]}:`),
    'PRINCIPALES CONCLUSIONS',
    'KEY FINDINGS',
    'Principales conclusions · Introduction',
    'Les six domaines',
    'Relecture et approbation',
  ]);
}

export function expectNoStrandedHeading(pages: PdfPage[], language: 'fr' | 'es' | 'en') {
  const headings = headingTexts(language);
  for (const page of pages) {
    const body = bodyLines(page, style.margins);
    expect(headings.has(body.at(-1)!.text), `page ${page.number} ends with the heading "${body.at(-1)!.text}"`).toBe(false);
  }
}

