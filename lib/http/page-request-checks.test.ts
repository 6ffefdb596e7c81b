import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalWindowedSearch, hasMalformedEscape, isFrameworkInternalPage, unreadablePageBody } from './page-request-checks';

describe('hasMalformedEscape', () => {
  it('finds escapes no UTF-8 decoding accepts, and nothing else', () => {
    for (const path of ['/profiles/%ff', '/%', '/a/%2', '/a/%zz', '/a/%c3']) expect(hasMalformedEscape(path), path).toBe(true);
    for (const path of ['/profiles/lima', '/a/%20b', '/a/%C3%A9', '/']) expect(hasMalformedEscape(path), path).toBe(false);
  });
  it('never calls a path built from escaped text malformed', () => {
    fc.assert(fc.property(fc.string(), (text) => !hasMalformedEscape(`/${encodeURIComponent(text)}`)));
  });
});

describe('isFrameworkInternalPage', () => {
  it("names Next's pages under their internal names, not its files nor the app's pages", () => {
    for (const path of ['/_not-found', '/_global-error', '/_anything']) expect(isFrameworkInternalPage(path), path).toBe(true);
    for (const path of ['/_next/static/chunks/a.js', '/profiles/_x', '/about', '/']) expect(isFrameworkInternalPage(path), path).toBe(false);
  });
});


describe('canonicalWindowedSearch', () => {
  const plain = { pathNamesLanguage: false, navigation: false };
  it('keeps a content language the path does not name, and drops everything else', () => {
    expect(canonicalWindowedSearch('', plain)).toBeNull();
    expect(canonicalWindowedSearch('?lang=es', plain)).toBeNull();
    expect(canonicalWindowedSearch('?lang=es&utm_source=x', plain)).toBe('lang=es');
    expect(canonicalWindowedSearch('?utm_source=x', plain)).toBe('');
    expect(canonicalWindowedSearch('?lang=zz', plain)).toBe('');
    expect(canonicalWindowedSearch('?lang=es&lang=fr', plain)).toBe('');
    expect(canonicalWindowedSearch('?lang=es', { pathNamesLanguage: true, navigation: false })).toBe('');
  });
  it("keeps Next's _rsc on a client navigation only", () => {
    expect(canonicalWindowedSearch('?_rsc=abc', { pathNamesLanguage: false, navigation: true })).toBeNull();
    expect(canonicalWindowedSearch('?_rsc=abc', plain)).toBe('');
  });
  it('leads in one step to a query it keeps as it is (no redirect loop), holding nothing but lang and _rsc', () => {
    const key = fc.constantFrom('lang', '_rsc', 'utm_source', 'q', 'lang[]', '');
    const value = fc.oneof(fc.constantFrom('es', 'fr', 'en', 'zz', ''), fc.string());
    const query = fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString());
    fc.assert(
      fc.property(query, fc.boolean(), fc.boolean(), (raw, pathNamesLanguage, navigation) => {
        const options = { pathNamesLanguage, navigation };
        const first = canonicalWindowedSearch(raw, options);
        const landed = first ?? raw;
        expect(canonicalWindowedSearch(landed, options)).toBeNull();
        expect([...new URLSearchParams(landed).keys()].every((k) => k === 'lang' || k === '_rsc')).toBe(true);
      }),
    );
  });
});

describe('unreadablePageBody', () => {
  const post = (body: BodyInit, headers: Record<string, string>) => new Request('http://x/login', { method: 'POST', body, headers });
  it('finds multipart bodies that are not form data, and action bodies that are not JSON', async () => {
    expect(await unreadablePageBody(post('junk', { 'content-type': 'multipart/form-data; boundary=xx' }))).toMatch(/multipart/);
    expect(await unreadablePageBody(post('--xx\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', { 'content-type': 'multipart/form-data; boundary=xx' }))).toMatch(/multipart/);
    expect(await unreadablePageBody(post('junk', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'ab12' }))).toMatch(/JSON/);
  });
  it('lets through what browsers and React send', async () => {
    const form = new FormData();
    form.set('$ACTION_ID_ab12', '');
    form.set('email', 'a@example.org');
    form.set('file', new Blob(['é'.repeat(1000)]), 'profile.txt');
    expect(await unreadablePageBody(new Request('http://x/login', { method: 'POST', body: form }))).toBeNull();
    expect(await unreadablePageBody(post('["$K1",{"a":1}]', { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'ab12' }))).toBeNull();
    expect(await unreadablePageBody(post('email=a%40b', { 'content-type': 'application/x-www-form-urlencoded' }))).toBeNull();
    expect(await unreadablePageBody(post('junk', { 'content-type': 'text/plain' }))).toBeNull(); // no action: Next renders the page
    expect(await unreadablePageBody(new Request('http://x/login'))).toBeNull();
  });
  it('leaves the body for Next to read', async () => {
    const request = post('["x"]', { 'content-type': 'text/plain', 'next-action': 'ab12' });
    await unreadablePageBody(request);
    expect(await request.text()).toBe('["x"]');
  });
});
