import { describe, expect, it } from 'vitest';
import { countryCodeOf, countryCodes, countryName, countryOptions } from './countries';
import { locales } from './locales';

describe('countries', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes once each', () => {
    expect(countryCodes).toHaveLength(249);
    expect(new Set(countryCodes).size).toBe(249);
    for (const code of countryCodes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each(locales)('names every code in %s through Intl', (locale) => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    const missing = countryCodes.filter((code) => !names.of(code) || names.of(code) === code);
    expect(missing).toEqual([]);
  });

  it('names a stored code in the reader language and keeps a frozen free-text name as written', () => {
    expect(countryName('PE', 'fr')).toBe('Pérou');
    expect(countryName('PE', 'es')).toBe('Perú');
    expect(countryName('México', 'en')).toBe('México');
  });

  it('sorts options by their name in the reader language', () => {
    const fr = countryOptions('fr').map((o) => o.label);
    expect(fr.indexOf('Équateur')).toBeLessThan(fr.indexOf('Espagne'));
    expect(fr.indexOf('Équateur')).toBeGreaterThan(fr.indexOf('Émirats arabes unis'));
  });

  it.each([
    ['Ecuador', 'EC'],
    ['Perú', 'PE'],
    ['Pérou', 'PE'],
    ['peru', 'PE'],
    ['México', 'MX'],
    ['Mexique', 'MX'],
    ['mx', 'MX'],
    [' Ecuador ', 'EC'],
  ])('finds the code of %s', (input, code) => {
    expect(countryCodeOf(input)).toBe(code);
  });

  it('finds no code for what names no country', () => {
    expect(countryCodeOf('Atlantis')).toBeNull();
    expect(countryCodeOf('QQ')).toBeNull();
    expect(countryCodeOf('')).toBeNull();
  });
});
