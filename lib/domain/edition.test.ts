import { describe, expect, it } from 'vitest';
import { editionLabel, editionSlug, parseEditionSlug, stripCommentMarks } from './edition';
import { editionHref } from './edition-label';

// Written out by hand: the test checks the platform's Intl data gives what readers expect.
const months = {
  fr: ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['Enero', 'Febrero', 'Marzo', 'Abril', 'Mayo', 'Junio', 'Julio', 'Agosto', 'Septiembre', 'Octubre', 'Noviembre', 'Diciembre'],
} as const;

describe('editionLabel', () => {
  for (const [locale, names] of Object.entries(months)) {
    names.forEach((name, i) => {
      it(`${locale}: month ${i + 1} is "2024 ${name}"`, () => {
        expect(editionLabel(2024, i + 1, locale)).toBe(`2024 ${name}`);
      });
    });
  }

  it('gives the labels of the published profiles', () => {
    expect(editionLabel(2024, 6, 'fr')).toBe('2024 Juin');
    expect(editionLabel(2022, 8, 'fr')).toBe('2022 Août');
    expect(editionLabel(2024, 8, 'en')).toBe('2024 August');
    expect(editionLabel(2024, 6, 'es')).toBe('2024 Junio');
  });
});

describe('edition slugs', () => {
  it('round-trips year and month', () => {
    expect(editionSlug(2024, 6)).toBe('2024-06');
    expect(parseEditionSlug('2024-06')).toEqual({ year: 2024, month: 6 });
    expect(editionSlug(2024, 6, 2)).toBe('2024-06-v2');
    expect(parseEditionSlug('2024-06-v2')).toEqual({ year: 2024, month: 6, version: 2 });
    expect(parseEditionSlug('2024-06-v1')).toEqual({ year: 2024, month: 6, version: 1 });
  });
  it.each(['2024-6', '2024-13', '2024-00', '24-06', '2024-06x', '2024-06-v0', '2024-06-v', '2024-06v1', ''])('refuses %j', (s) => {
    expect(parseEditionSlug(s)).toBeNull();
  });
});

describe('stripCommentMarks', () => {
  it('removes comment marks and keeps the others', () => {
    const doc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }, { type: 'comment', attrs: { threadId: 'a' } }] }, { type: 'text', text: 'y', marks: [{ type: 'comment', attrs: { threadId: 'b' } }] }] }],
    };
    expect(stripCommentMarks(doc)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }, { type: 'text', text: 'y' }] }],
    });
  });

  it('rejoins the text a comment mark had split', () => {
    const id = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a ' }, { type: 'text', text: 'b', marks: [{ type: 'comment', attrs: { threadId: id } }] }, { type: 'text', text: ' c' }] }] };
    expect(stripCommentMarks(doc)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a b c' }] }] });
  });
});

describe('editionHref', () => {
  it('names a first edition by its month and a correction by its version, with the content language', () => {
    expect(editionHref('lima', { year: 2024, month: 6, version: 1, language: 'es' })).toBe('/profiles/lima/2024-06?lang=es');
    expect(editionHref('lima', { year: 2024, month: 6, version: 2, language: 'fr' })).toBe('/profiles/lima/2024-06-v2?lang=fr');
  });
});
