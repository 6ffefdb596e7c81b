import { describe, expect, it } from 'vitest';
import { MAX_CHOSEN, domainFilterQuery, parseDomainFilter, searchParamsOf } from './domain-filter';

describe('the filter of a domain across jurisdictions', () => {
  it('reads a GET form (empty fields mean no filter) and repeated j', () => {
    const { filter, page, problems } = parseDomainFilter(new URLSearchParams('country=PE&level=&lang=es&j=lima&j=huaquillas&j=lima&page=2'));
    expect(filter).toEqual({ country: 'PE', lang: 'es', j: ['lima', 'huaquillas'] });
    expect(page).toBe(2);
    expect(problems).toEqual([]);
  });

  it('drops bad values and names them', () => {
    const many = Array.from({ length: MAX_CHOSEN + 5 }, (_, i) => `j=p${i}`).join('&');
    const { filter, page, problems } = parseDomainFilter(new URLSearchParams(`level=planet&lang=de&j=Bad%20Slug&page=0&country=${'x'.repeat(101)}&${many}`));
    expect(filter.level).toBeUndefined();
    expect(filter.lang).toBeUndefined();
    expect(filter.country).toBeUndefined();
    expect(filter.j).toHaveLength(MAX_CHOSEN);
    expect(page).toBe(1);
    expect(problems.sort()).toEqual(['country', 'j', 'lang', 'level', 'page']);
    expect(parseDomainFilter(new URLSearchParams('country=%00')).problems).toEqual(['country']);
  });

  it('writes back the query it reads', () => {
    const query = domainFilterQuery({ country: 'MX', level: 'state', lang: 'fr', j: ['a', 'b-c'] }, 3);
    expect(query).toBe('?country=MX&level=state&lang=fr&j=a&j=b-c&page=3');
    expect(parseDomainFilter(new URLSearchParams(query.slice(1)))).toEqual({ filter: { country: 'MX', level: 'state', lang: 'fr', j: ['a', 'b-c'] }, page: 3, problems: [] });
    expect(domainFilterQuery({ j: [] })).toBe('');
    expect(searchParamsOf({ j: ['a', 'b'], country: 'PE', none: undefined }).toString()).toBe('j=a&j=b&country=PE');
  });
});
