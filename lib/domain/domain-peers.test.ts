import { describe, expect, it } from 'vitest';
import { domainPeers } from './domain-peers';

const p = (slug: string, country: string, level: string) => ({ slug, name: slug.toUpperCase(), country, level });

describe('domainPeers', () => {
  it('puts the current jurisdiction first, then its country, then its level, then the rest, by name, cut at the limit', () => {
    const all = [p('zeta', 'MX', 'country'), p('sonora', 'MX', 'state'), p('lima', 'PE', 'municipality'), p('chihuahua', 'MX', 'state'), p('quito', 'EC', 'municipality'), p('cusco', 'PE', 'state')];
    expect(domainPeers('sonora', all).map((x) => x.slug)).toEqual(['sonora', 'chihuahua', 'zeta', 'cusco', 'lima', 'quito']);
    expect(domainPeers('sonora', all, 3).map((x) => x.slug)).toEqual(['sonora', 'chihuahua', 'zeta']);
    expect(domainPeers('nowhere', all, 2).map((x) => x.slug)).toEqual(['chihuahua', 'cusco']);
  });
});
