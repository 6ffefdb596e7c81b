import { describe, expect, it } from 'vitest';
import { internalProfilePath, publicPageKind } from './public-route';

const map = (url: string, ui: 'en' | 'fr' | 'es' = 'fr') => {
  const u = new URL(url, 'http://x');
  return internalProfilePath(u.pathname, u.searchParams, ui);
};

describe('internalProfilePath', () => {
  it.each([
    ['/profiles/lima', '/fr/profiles/lima/latest/any', false],
    ['/profiles/lima?lang=es', '/fr/profiles/lima/latest/es', false],
    ['/profiles/lima/2024-06', '/fr/profiles/lima/2024-06/any', false],
    ['/profiles/lima/2024-06?lang=en', '/fr/profiles/lima/2024-06/en', false],
    ['/profiles/lima/2024-06/es', '/fr/profiles/lima/2024-06/es', false],
    ['/profiles/lima/2024-06-v1', '/fr/profiles/lima/2024-06-v1/any', false],
    ['/profiles/lima/2024-06-v2?lang=es', '/fr/profiles/lima/2024-06-v2/es', false],
    ['/profiles/lima/2024-06?lang=de', '/fr/profiles/lima/2024-06/any', false],
    ['/profiles', '/fr/profiles', true],
    ['/profiles/lima/compare?from=2022-08&to=2024-06', '/fr/profiles/lima/compare', true],
    ['/profiles/lima/2024-06/pdf?lang=es', '/fr/profiles/lima/2024-06/pdf', true],
    ['/profiles/lima/not-a-month', '/fr/profiles/lima/not-a-month', true],
    ['/about', '/fr/about', true],
  ])('%s → %s', (url, pathname, keepQuery) => {
    expect(map(url)).toEqual({ pathname, keepQuery });
  });

  it('puts the interface language first', () => {
    expect(map('/profiles/lima', 'es').pathname).toBe('/es/profiles/lima/latest/any');
  });
});

describe('publicPageKind', () => {
  it.each([
    ['/about', 'about'],
    ['/profiles', 'index'],
    ['/profiles/lima', 'latest'],
    ['/profiles/lima/2024-06', 'dated'],
    ['/profiles/lima/2024-06/es', 'dated'],
    ['/profiles/lima/2024-06-v1', 'dated'],
    ['/profiles/lima/2024-06-v1/pdf', 'pdf'],
    ['/profiles/lima/compare?from=2022-08&to=2024-06', 'compare'],
    ['/profiles/lima/2024-06/pdf?lang=es', 'pdf'],
    ['/profiles/lima/not-a-month', 'other'],
    ['/profiles/lima/2024-06/es/extra', 'other'],
    ['/profiles/lima/latest/pdf', 'other'],
    ['/about/more', 'other'],
    ['/domains', 'domains'],
    ['/domains/partnerships?country=PE&j=lima', 'domains'],
    ['/domains/partnerships/csv?country=PE', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(publicPageKind(map(url).pathname)).toBe(kind);
  });
});
