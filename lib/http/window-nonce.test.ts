import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheWindow, isRenderableWindow, PAGE_WINDOW_SECONDS, windowNonce } from './window-nonce';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('windowNonce', () => {
  it('is the same for one path and secret, so every copy of a window agrees with its policy', () => {
    const path = '/fr/profiles/lima/2024-06/any/56000000';
    expect(windowNonce(secret, path)).toBe(windowNonce(secret, path));
  });

  it('is a valid CSP nonce of 132 bits (property: any path)', () => {
    fc.assert(
      fc.property(fc.string(), (path) => {
        expect(windowNonce(secret, path)).toMatch(/^[A-Za-z0-9+/]{22}$/);
      }),
    );
  });

  it('differs between windows, pages and secrets (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(), fc.nat(), (page, a, b) => {
        fc.pre(a !== b);
        expect(windowNonce(secret, `${page}/${a}`)).not.toBe(windowNonce(secret, `${page}/${b}`));
        expect(windowNonce(secret, `${page}/${a}`)).not.toBe(windowNonce(`${secret}!`, `${page}/${a}`));
      }),
    );
  });
});

describe('cacheWindow', () => {
  it(`counts ${PAGE_WINDOW_SECONDS}-second windows, never going back (property)`, () => {
    fc.assert(
      fc.property(fc.nat({ max: 4_000_000_000_000 }), fc.nat({ max: 10_000_000 }), (t, dt) => {
        const w = cacheWindow(t);
        expect(Number.isInteger(w)).toBe(true);
        expect(cacheWindow(t + dt)).toBeGreaterThanOrEqual(w);
        expect(cacheWindow(t + PAGE_WINDOW_SECONDS * 1000)).toBe(w + 1);
      }),
    );
  });
});

describe('isRenderableWindow', () => {
  it('accepts the current window and the one just ended, and no other (property: any moment)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -5, max: 5 }), (nowMs, offset) => {
        expect(isRenderableWindow(cacheWindow(nowMs) + offset, nowMs)).toBe(offset === 0 || offset === -1);
      }),
    );
  });

  it('refuses what is not a whole number', () => {
    const now = Date.now();
    for (const window of [cacheWindow(now) + 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(isRenderableWindow(window, now)).toBe(false);
  });
});
