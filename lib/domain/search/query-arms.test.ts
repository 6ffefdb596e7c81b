import { describe, expect, it } from 'vitest';
import { queryArms, relaxPhrases } from './query-arms';

describe('queryArms', () => {
  it('gives languages that parse the words alike one arm, and none to a language where no word is left', () => {
    expect(queryArms({ es: "'crisi'", fr: "'cris'", en: "'crisi'" })).toEqual([
      { languages: ['es', 'en'], tsquery: "'crisi'" },
      { languages: ['fr'], tsquery: "'cris'" },
    ]);
    expect(queryArms({ es: "'plan'", fr: "'plan'", en: "'plan'" })).toEqual([{ languages: ['es', 'fr', 'en'], tsquery: "'plan'" }]);
    expect(queryArms({ es: '', fr: ' ', en: "'or'" })).toEqual([{ languages: ['en'], tsquery: "'or'" }]);
    expect(queryArms({ es: '', fr: '', en: '' })).toEqual([]);
  });
});

describe('relaxPhrases', () => {
  it('makes phrase operators AND, leaving lexemes (quotes included) as they are', async () => {
    expect(relaxPhrases("'guichet' <-> 'uniqu'")).toBe("'guichet' & 'uniqu'");
    expect(relaxPhrases("'one-stop' <-> 'one' <-> 'stop' <-> 'shop'")).toBe("'one-stop' & 'one' & 'stop' & 'shop'");
    expect(relaxPhrases("'a' <2> 'b' | 'c'")).toBe("'a' & 'b' | 'c'");
    expect(relaxPhrases("'it''s <-> x' <-> 'y'")).toBe("'it''s <-> x' & 'y'");
  });

  it('gives nothing without a phrase, under a negation, or for text it cannot split', async () => {
    expect(relaxPhrases("'migrant' & 'salud'")).toBeNull();
    expect(relaxPhrases("'a' & !( 'b' <-> 'c' )")).toBeNull();
    expect(relaxPhrases("'a' <-> 'b' & !'c'")).toBeNull();
    expect(relaxPhrases("'unbalanced")).toBeNull();
    expect(relaxPhrases('')).toBeNull();
  });
});
