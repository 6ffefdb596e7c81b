import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileMethodRefusal, pageMethodRefusal, unbuildableMethodRefusal } from './allowed-methods';

describe('allowed methods', () => {
  it('refuses TRACE, TRACK and CONNECT (in any case) with 405 and what the address allows', () => {
    expect(unbuildableMethodRefusal('TRACE', '/profiles/lima')).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
    expect(unbuildableMethodRefusal('track', '/')).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
    expect(unbuildableMethodRefusal('TRACE', '/api/v1/editions')).toEqual({ status: 405, allow: 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE' });
    expect(unbuildableMethodRefusal('CONNECT', '/api')).toMatchObject({ status: 405 });
    expect(unbuildableMethodRefusal('TRACE', '/robots.txt')).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect(unbuildableMethodRefusal('TRACE', '/_next/static/chunks/a')).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect(unbuildableMethodRefusal('TRACE', '/profiles/lima/2024-06/pdf')).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
  });

  it('hands every other method to Next', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND', undefined]) expect(unbuildableMethodRefusal(m, '/')).toBeNull();
  });

  it('a page serves GET, HEAD and POST, answers OPTIONS with what it allows, and refuses anything else with 405', () => {
    expect(pageMethodRefusal('GET')).toBeNull();
    expect(pageMethodRefusal('HEAD')).toBeNull();
    expect(pageMethodRefusal('POST')).toBeNull();
    expect(pageMethodRefusal('OPTIONS')).toEqual({ status: 204, allow: 'GET, HEAD, POST' });
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,12}$/), (method) => {
        const answer = pageMethodRefusal(method);
        if (['GET', 'HEAD', 'POST'].includes(method)) expect(answer).toBeNull();
        else expect(answer).toEqual({ status: method === 'OPTIONS' ? 204 : 405, allow: 'GET, HEAD, POST' });
      }),
    );
  });

  it('a file (public/, Next assets) is only read: OPTIONS says so, anything else but GET and HEAD is 405; pages and the API are not files', () => {
    expect(fileMethodRefusal('GET', '/robots.txt')).toBeNull();
    expect(fileMethodRefusal('HEAD', '/icon.svg')).toBeNull();
    expect(fileMethodRefusal('PUT', '/robots.txt')).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect(fileMethodRefusal('options', '/_next/static/chunks/a.js')).toEqual({ status: 204, allow: 'GET, HEAD' });
    expect(fileMethodRefusal('DELETE', '/_next/static/chunks/a')).toEqual({ status: 405, allow: 'GET, HEAD' });
    expect(fileMethodRefusal('PUT', '/profiles/lima')).toBeNull();
    expect(fileMethodRefusal('POST', '/login')).toBeNull();
    expect(fileMethodRefusal('PUT', '/api/v1/openapi.json')).toBeNull();
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}$/), fc.constantFrom('/robots.txt', '/icon.svg', '/_next/static/x.css'), (method, path) => {
        const answer = fileMethodRefusal(method, path);
        const upper = method.toUpperCase();
        if (upper === 'GET' || upper === 'HEAD') expect(answer).toBeNull();
        else expect(answer).toEqual({ status: upper === 'OPTIONS' ? 204 : 405, allow: 'GET, HEAD' });
      }),
    );
  });
});
