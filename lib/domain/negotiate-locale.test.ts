import { describe, expect, it } from 'vitest';
import { negotiateLocale, setPasswordLinkLocale } from './negotiate-locale';

describe('negotiateLocale', () => {
  it('prefers the saved choice over the browser', () => {
    expect(negotiateLocale('fr', 'es-ES,es;q=0.9')).toBe('fr');
  });

  it('ignores an unknown saved value', () => {
    expect(negotiateLocale('de', 'es-MX,es;q=0.9')).toBe('es');
  });

  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['es-MX', 'es'],
    ['de-DE,de;q=0.9,fr;q=0.5', 'fr'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['*', 'en'],
    ['', 'en'],
    ['not a language;;q=x', 'en'],
  ])('follows Accept-Language %j', (header, expected) => {
    expect(negotiateLocale(undefined, header)).toBe(expected);
  });

  it('falls back to English without a header', () => {
    expect(negotiateLocale(undefined, null)).toBe('en');
  });
});

describe('setPasswordLinkLocale', () => {
  const at = (query: string) => new URLSearchParams(query);
  it('takes the language a set-password link names, for a browser that chose none', () => {
    expect(setPasswordLinkLocale('/set-password', at('token=x&lang=fr'), undefined)).toBe('fr');
    expect(setPasswordLinkLocale('/set-password', at('token=x&lang=es'), 'not-a-locale')).toBe('es');
  });
  it('leaves a browser’s own choice, other pages, and unknown languages alone', () => {
    expect(setPasswordLinkLocale('/set-password', at('token=x&lang=fr'), 'en')).toBeNull();
    expect(setPasswordLinkLocale('/login', at('lang=fr'), undefined)).toBeNull();
    expect(setPasswordLinkLocale('/set-password', at('token=x&lang=de'), undefined)).toBeNull();
    expect(setPasswordLinkLocale('/set-password', at('token=x&lang=fr;%20x=1'), undefined)).toBeNull();
  });
});
