import { describe, expect, it } from 'vitest';
import fr from '../../messages/fr.json';
import { keepFrenchMarksAttached, withFrenchSpacing, withColon } from './french-spacing';

const NBSP = '\u00a0';

describe('keepFrenchMarksAttached', () => {
  it('joins guillemets and high punctuation to their words with a no-break space', () => {
    expect(keepFrenchMarksAttached('Historique de « {part} »')).toBe(`Historique de «${NBSP}{part}${NBSP}»`);
    expect(keepFrenchMarksAttached('Aperçu : la page ; vraiment ? oui !')).toBe(`Aperçu${NBSP}: la page${NBSP}; vraiment${NBSP}? oui${NBSP}!`);
  });
  it('leaves other spaces, URLs and ICU arguments alone', () => {
    expect(keepFrenchMarksAttached('{n, plural, one {# non lue} other {# non lues}}')).toBe('{n, plural, one {# non lue} other {# non lues}}');
    expect(keepFrenchMarksAttached('Voir https://example.org/a:b')).toBe('Voir https://example.org/a:b');
  });
});

describe('withFrenchSpacing', () => {
  it('changes only those spaces in the whole French catalog, keeping every key', () => {
    const spaced = withFrenchSpacing(fr);
    const flat = (c: object, prefix = ''): Record<string, string> =>
      Object.fromEntries(Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flat(v, `${prefix}${k}.`)))));
    const before = flat(fr);
    const after = flat(spaced);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const key of Object.keys(before)) {
      expect(after[key].replaceAll(NBSP, ' ')).toBe(before[key].replaceAll(NBSP, ' '));
      expect(after[key]).not.toMatch(/« | [:;?!»]/);
    }
    expect(after['history.title']).toContain(`«${NBSP}`);
  });
});

describe('withColon', () => {
  it('puts a no-break space before the colon in French only', () => {
    expect(withColon('Télécharger', 'fr')).toBe('Télécharger\u00a0:');
    expect(withColon('Download', 'en')).toBe('Download:');
    expect(withColon('Descargar', 'es')).toBe('Descargar:');
  });
});
