import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, highlightSegments, parseSearchParams, searchHref } from './search-query';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('reads the words and every filter, leaving blank fields out', () => {
    expect(parse('q=%20migrantes%20&country=EC&level=municipality&domain=partnerships&part=potential&lang=es&year=2024&page=2&other=x')).toEqual({
      ok: true,
      query: { q: 'migrantes', country: 'EC', level: 'municipality', domain: 'partnerships', part: 'potential', lang: 'es', year: 2024, page: 2 },
    });
    expect(parse('q=a&country=&level=&year=')).toEqual({ ok: true, query: { q: 'a', page: 1 } });
  });

  it('refuses what it cannot read, naming the field', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['', 'q', /q is required/],
      ['q=%20%20', 'q', /q is required/],
      [`q=${'a'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q', /longer than 200/],
      ['q=a%00b', 'q', /NUL/],
      ['q=a&q=b', 'q', /given 2 times/],
      ['q=a&level=planet', 'level', /level must be one of/],
      ['q=a&domain=x', 'domain', /domain must be one of/],
      ['q=a&part=body', 'part', /strengths/],
      ['q=a&lang=de', 'lang', /lang must be one of/],
      ['q=a&year=20x4', 'year', /year must be a year/],
      ['q=a&year=12', 'year', /year must be a year/],
      ['q=a&page=0', 'page', /page starts at 1/],
      ['q=a&page=26', 'page', /page goes up to 25/],
      ['q=a&page=1.5', 'page', /whole number/],
      ['q=a&country=E%00C', 'country', /NUL/],
    ];
    for (const [query, field, message] of cases) {
      const result = parse(query);
      expect(result.ok, query).toBe(false);
      if (!result.ok) {
        expect(result.field, query).toBe(field);
        expect(result.message, query).toMatch(message);
      }
    }
  });

  it('either reads or refuses any query string, never throws', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'country', 'level', 'domain', 'part', 'lang', 'year', 'page'), fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 40 }))), (params) => {
        const result = parseSearchParams(new URLSearchParams(params));
        if (result.ok) expect(result.query.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('searchHref', () => {
  it('carries the set parameters, and the page only past the first', () => {
    expect(searchHref('/search', { q: 'a b', country: 'EC', page: 1 })).toBe('/search?q=a+b&country=EC');
    expect(searchHref('/search', { q: 'x', year: 2024, page: 3 })).toBe('/search?q=x&year=2024&page=3');
    expect(searchHref('/search', {})).toBe('/search');
  });
});

describe('highlightSegments', () => {
  it('splits the marked headline into plain and matched runs, keeping any markup as text', () => {
    expect(highlightSegments('La \u0002integración\u0003 de <b>migrantes\u0003')).toEqual([
      { text: 'La ', match: false },
      { text: 'integración', match: true },
      { text: ' de <b>migrantes', match: false },
    ]);
    expect(highlightSegments('\u0002a\u0003\u0002b\u0003')).toEqual([
      { text: 'a', match: true },
      { text: 'b', match: true },
    ]);
    expect(highlightSegments('')).toEqual([]);
  });
});
