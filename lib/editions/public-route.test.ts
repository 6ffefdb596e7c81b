import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inCacheWindow, internalProfilePath, isInternalPath, publicPageKind, reachesWindowedRoute, spellsInternalEditionPath, windowedPathOf } from './public-route';
import { PAGE_WINDOW_SECONDS } from '../http/window-nonce';

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

describe('the cache window of edition pages', () => {
  const windowedOf = (url: string) => {
    const u = new URL(url, 'http://x');
    const target = internalProfilePath(u.pathname, u.searchParams, 'fr').pathname;
    return windowedPathOf(target, publicPageKind(target), u.searchParams);
  };

  it('only edition pages (dated, latest) and the unfiltered index are kept one copy per window', () => {
    const urls = ['/about', '/profiles', '/profiles?q=lima', '/profiles?', '/profiles/lima', '/profiles/lima/2024-06?lang=es', '/profiles/lima/compare?from=2022-08&to=2024-06', '/profiles/lima/2024-06/pdf', '/domains', '/search?q=x'];
    expect(Object.fromEntries(urls.map((url) => [url, windowedOf(url)]))).toEqual({
      '/about': null,
      '/profiles': '/fr/profile-index',
      '/profiles?q=lima': null,
      '/profiles?': '/fr/profile-index',
      '/profiles/lima': '/fr/profiles/lima/latest/any',
      '/profiles/lima/2024-06?lang=es': '/fr/profiles/lima/2024-06/es',
      '/profiles/lima/compare?from=2022-08&to=2024-06': null,
      '/profiles/lima/2024-06/pdf': null,
      '/domains': null,
      '/search?q=x': null,
    });
  });

  it('appends the window, the same within one and the next one after it', () => {
    const start = 1_700_000_010_000 - (1_700_000_010_000 % (PAGE_WINDOW_SECONDS * 1000));
    const path = '/fr/profiles/lima/2024-06/any';
    expect(inCacheWindow(path, start)).toMatch(/^\/fr\/profiles\/lima\/2024-06\/any\/\d+$/);
    expect(inCacheWindow(path, start + PAGE_WINDOW_SECONDS * 1000 - 1)).toBe(inCacheWindow(path, start));
    expect(inCacheWindow(path, start + PAGE_WINDOW_SECONDS * 1000)).not.toBe(inCacheWindow(path, start));
  });

  it('the windowed path is reached through proxy.ts only: no public URL maps onto it, and internal paths are refused', () => {
    const windowed = inCacheWindow('/fr/profiles/lima/2024-06/any', Date.now());
    expect(reachesWindowedRoute(windowed)).toBe(true);
    for (const url of ['/profiles/lima/2024-06/any/123', '/profiles/lima/2024-06/fr/123', '/profiles/lima/2024-06/fr/123/more', '/profiles/lima/latest/any/%31']) {
      const target = map(url).pathname;
      expect(windowedPathOf(target, publicPageKind(target), new URLSearchParams()), url).toBeNull();
      expect(reachesWindowedRoute(target), url).toBe(true);
    }
    for (const url of ['/about', '/profiles', '/profiles/lima/compare', '/profiles/lima/2024-06/pdf', '/domains/partnerships/csv', '/profiles/lima/not-a-month']) {
      expect(reachesWindowedRoute(map(url).pathname), url).toBe(false);
    }
    for (const path of [windowed, '/fr', '/en/about', '/%66r/profiles/lima/2024-06/any/1', '//es//profiles', '/FR/profiles']) expect(isInternalPath(path), path).toBe(true);
    for (const path of ['/', '/about', '/profiles/lima', '/login', '/assessments/1', '/%zz/x', '/french']) expect(isInternalPath(path), path).toBe(false);
  });

  it('an edition page has one public address: URLs spelling the internal words are refused', () => {
    const refused = (url: string) => {
      const u = new URL(url, 'http://x');
      const target = internalProfilePath(u.pathname, u.searchParams, 'fr');
      return spellsInternalEditionPath(target, publicPageKind(target.pathname));
    };
    for (const url of ['/profiles/lima/latest/any', '/profiles/lima/latest/es', '/profiles/lima/2024-06/any', '/profiles/lima/2024-06-v2/any', '/profiles/lima/latest/any?lang=es']) {
      expect(refused(url), url).toBe(true);
    }
    for (const url of ['/profiles/lima', '/profiles/lima?lang=es', '/profiles/lima/2024-06', '/profiles/lima/2024-06/es', '/profiles/lima/2024-06-v2', '/profiles/lima/2024-06/pdf', '/profiles/lima/compare', '/profiles', '/about']) {
      expect(refused(url), url).toBe(false);
    }
  });

  it('every public URL that is served as an edition page has the shape a link gives it (property)', () => {
    const segment = fc.oneof(fc.constantFrom('lima', '2024-06', '2024-06-v1', 'latest', 'any', 'fr', 'es', 'en', 'pdf', 'compare'), fc.string({ maxLength: 8 }));
    const canonical = /^\/profiles\/[^/]+(\/\d{4}-\d{2}(-v\d+)?(\/(en|fr|es))?)?$/;
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        // Next sends /profiles/lima/ and /profiles//lima to /profiles/lima (308) before proxy.ts sees them.
        const url = `/profiles/${segments.join('/')}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
        const target = internalProfilePath(url, new URLSearchParams(), 'fr');
        const kind = publicPageKind(target.pathname);
        if ((kind === 'dated' || kind === 'latest') && !spellsInternalEditionPath(target, kind)) expect(url).toMatch(canonical);
      }),
    );
  });

  it('no public URL but a windowed one lands on the windowed route unrefused (property)', () => {
    const segment = fc.oneof(fc.constantFrom('profiles', 'lima', '2024-06', 'latest', 'any', 'fr', 'es', '123', 'pdf', 'compare', '%66r', '%2F', '..'), fc.string());
    const decoded = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 7 }), (segments) => {
        const target = internalProfilePath(`/profiles/${segments.join('/')}`, new URLSearchParams(), 'fr').pathname;
        // Next routes decoded segments: /{locale}/profiles/{slug}/{edition}/{lang}/{window}.
        const routed = target.split('/').filter((s) => s !== '').map(decoded);
        const onWindowedRoute = routed.length === 6 && routed[1] === 'profiles';
        if (onWindowedRoute && !windowedPathOf(target, publicPageKind(target), new URLSearchParams())) expect(reachesWindowedRoute(target)).toBe(true);
      }),
    );
  });
});
