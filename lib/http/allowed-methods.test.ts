import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageMethodRefusal, unbuildableMethodRefusal } from './allowed-methods';

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
});
