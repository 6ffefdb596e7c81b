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

  it('compares countries as people write them', () => {
    expect(sameCountry('México', 'MEXICO')).toBe(true);
    expect(sameCountry('Perú', 'peru')).toBe(true);
    expect(sameCountry('Perú', 'Paraguay')).toBe(false);
  });
});
