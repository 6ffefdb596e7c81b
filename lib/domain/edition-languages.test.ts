import { describe, expect, it } from 'vitest';
import { languagesByMonth } from './edition-languages';

describe('the languages of an edition', () => {
  const list = [
    { slug: 'lima', year: 2026, month: 3, language: 'es' as const },
    { slug: 'lima', year: 2026, month: 3, language: 'en' as const },
    { slug: 'lima', year: 2025, month: 3, language: 'fr' as const },
    { slug: 'quito', year: 2026, month: 3, language: 'fr' as const },
  ];
  it('are those published for the same jurisdiction and month, in a stable order', () => {
    const of = languagesByMonth(list);
    expect(of({ slug: 'lima', year: 2026, month: 3 })).toEqual(['en', 'es']);
    expect(of({ slug: 'lima', year: 2025, month: 3 })).toEqual(['fr']);
    expect(of({ slug: 'quito', year: 2026, month: 3 })).toEqual(['fr']);
    expect(of({ slug: 'quito', year: 2024, month: 1 })).toEqual([]);
  });
});
