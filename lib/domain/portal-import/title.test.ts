import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTitle, sameCountry } from './title';

describe('reading the jurisdiction from a profile title', () => {
  it.each([
    ['Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)', { name: 'Cantón Huaquillas', coreName: 'Huaquillas', country: 'Ecuador', level: 'municipality', slug: 'huaquillas' }],
    ['Perfil de Gobernanza Migratoria: Municipalidad Metropolitana de Lima', { name: 'Municipalidad Metropolitana de Lima', coreName: 'Lima', country: null, level: 'municipality', slug: 'lima' }],
    ['Perfil de Gobernanza de la Migración: Estado de Sonora (México)', { name: 'Estado de Sonora', coreName: 'Sonora', country: 'México', level: 'state', slug: 'sonora' }],
    ['Profil de gouvernance des migrations : Ville de Montréal (Canada)', { name: 'Ville de Montréal', coreName: 'Montréal', country: 'Canada', level: 'municipality', slug: 'montreal' }],
    ['Migration Governance Profile: Republic of Ghana', { name: 'Republic of Ghana', coreName: 'Republic of Ghana', country: null, level: null, slug: 'republic-of-ghana' }],
    ['Perfil de Gobernanza Migratoria: São Paulo (Brasil)', { name: 'São Paulo', coreName: 'São Paulo', country: 'Brasil', level: null, slug: 'sao-paulo' }],
    ['PERFIL DE GOBERNANZA DE LA MIGRACION: CANTON HUAQUILLAS (ECUADOR)', { coreName: 'HUAQUILLAS', country: 'ECUADOR', slug: 'huaquillas' }],
  ])('%s', (title, expected) => {
    expect(parseTitle(title)).toMatchObject(expected);
  });

  it('gives nothing without a colon or a name after it', () => {
    expect(parseTitle('Perfil de Gobernanza de la Migración Cantón Huaquillas')).toBeNull();
    expect(parseTitle('Perfil de Gobernanza de la Migración:  ')).toBeNull();
    expect(parseTitle(': Lima')).toBeNull();
    expect(parseTitle('Perfil: (Ecuador)')).toBeNull();
  });

  it('reads the country as the pattern it replaced did, in time that grows with the title, not its square', () => {
    // The pattern the parser used: right, but a run of spaces made it take minutes (one crafted line).
    const before = (rest: string) => {
      const m = /^(.*?)\s*\(([^()]+)\)$/.exec(rest);
      return m ? { rest: m[1].trim(), country: m[2].trim() } : { rest, country: null };
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '(', ')', 'é'), maxLength: 30 }), (tail) => {
        const title = `Perfil de Gobernanza: Lima${tail}`;
        const expected = before(title.slice(title.indexOf(':') + 1).trim());
        const parsed = parseTitle(title);
        if (parsed) expect({ name: parsed.name, country: parsed.country }).toEqual({ name: expected.rest, country: expected.country });
      }),
    );
    const crafted = parseTitle(`Perfil de Gobernanza de la Migración: Zz${' '.repeat(490_000)}q`);
    expect(crafted?.country).toBeNull();
  });

  it('compares countries as people write them', () => {
    expect(sameCountry('México', 'MEXICO')).toBe(true);
    expect(sameCountry('Perú', 'peru')).toBe(true);
    expect(sameCountry('Perú', 'Paraguay')).toBe(false);
  });
});
