import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { domainKeys } from '../profile';
import { parsePortalPage, type ParseResult, type PortalProfile } from './parse-portal-page';

const seedDir = path.resolve(import.meta.dirname, '../../../seeds/portal-pages');
const seeds = {
  huaquillas: fs.readFileSync(path.join(seedDir, 'huaquillas-2024-06.fr-ui.es.txt'), 'utf8'),
  lima: fs.readFileSync(path.join(seedDir, 'lima-2022-08.fr-ui.es.txt'), 'utf8'),
  sonora: fs.readFileSync(path.join(seedDir, 'sonora-2024-06.fr-ui.es.txt'), 'utf8'),
};

/**
 * The bullets as the seed files lay them out, found without the parser: the
 * text between "Key findings" lines, cut at the two Spanish sub-headings,
 * keeping the lines that start with "  • ".
 */
function bulletsOf(text: string) {
  const blocks = text.split(/\nKey findings\n/).slice(2);
  return blocks.map((block) => {
    const [, strengths, potential] = block.split(
      /\n(?:Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:|Áreas con potencial para un desarrollo adicional:)\n/,
    );
    const items = (s: string) =>
      s
        .split('\n')
        .filter((l) => l.startsWith('  • '))
        .map((l) => l.slice(4).trim());
    return { strengths: items(strengths), potential: items(potential) };
  });
}

function parsed(text: string): PortalProfile {
  const result = parsePortalPage(text);
  if (!result.ok) throw new Error(`expected the file to be read, got: ${result.error.message}`);
  return result.profile;
}

function refusal(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

const lineOf = (text: string, content: string) => text.split('\n').indexOf(content) + 1;

describe('the three seed profiles', () => {
  const expected = {
    huaquillas: { title: 'Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)', name: 'Cantón Huaquillas', slug: 'huaquillas', country: 'Ecuador', level: 'municipality', year: 2024, month: 6 },
    lima: { title: 'Perfil de Gobernanza de la Migración: Municipalidad Metropolitana de Lima', name: 'Municipalidad Metropolitana de Lima', slug: 'lima', country: null, level: 'municipality', year: 2022, month: 8 },
    sonora: { title: 'Perfil de Gobernanza de la Migración: Estado de Sonora (México)', name: 'Estado de Sonora', slug: 'sonora', country: 'México', level: 'state', year: 2024, month: 6 },
  } as const;

  for (const [seed, want] of Object.entries(expected) as Array<[keyof typeof seeds, (typeof expected)[keyof typeof expected]]>) {
    describe(seed, () => {
      const profile = parsed(seeds[seed]);

      it('has every bullet of every domain and part, in order, character for character', () => {
        const bullets = bulletsOf(seeds[seed]);
        expect(bullets).toHaveLength(6);
        domainKeys.forEach((d, i) => {
          expect(profile.domains[d].strengths, `${d} strengths`).toEqual(bullets[i].strengths);
          expect(profile.domains[d].potential, `${d} potential`).toEqual(bullets[i].potential);
          expect(bullets[i].strengths.length).toBeGreaterThan(0);
          expect(bullets[i].potential.length).toBeGreaterThan(0);
        });
      });

      it('dates the edition by its label, in Spanish, saved from the French interface', () => {
        expect([profile.year, profile.month]).toEqual([want.year, want.month]);
        expect(profile.language).toBe('es');
        expect(profile.interfaceLanguage).toBe('fr');
      });

      it('reads the title and the jurisdiction it names', () => {
        expect(profile.title).toBe(want.title);
        expect(profile.jurisdiction).toMatchObject({ name: want.name, slug: want.slug, country: want.country, level: want.level });
      });

      it('keeps the introduction and none of the portal\'s own text', () => {
        expect(profile.introduction).toHaveLength(3);
        expect(profile.introduction[0].text).toMatch(/^En esta instantánea, se ofrecen ejemplos/);
        expect(JSON.stringify(profile)).not.toMatch(/MiGOF|Cliquez sur la roue/);
      });
    });
  }

  it('keeps known bullets exactly', () => {
    const huaquillas = parsed(seeds.huaquillas);
    expect(huaquillas.domains.migrants_rights.strengths[0]).toBe(
      'Desde 2022 la Dirección de Promoción Social de Huaquillas colabora en la gestión de la Unidad Médica de Salud Móvil, realizando brigadas de salud dirigidas a las personas migrantes.',
    );
    expect(huaquillas.domains.mobility_crises.potential.at(-1)).toBe(
      'Formular una política ambiental y de cambio climático que incluya consideraciones sobre la movilidad humana.',
    );
  });

  it('skips the page leftovers and says which', () => {
    expect(parsed(seeds.sonora).skipped).toEqual([{ line: 175, text: 'Los' }]);
    expect(parsed(seeds.huaquillas).skipped).toEqual([]);
  });
});

// Variants made from the seeds, as pages saved in other languages or mangled on the way.
const findingsStart = (text: string) => text.indexOf('1\nKey findings\n');
const withInterface = (text: string, preamble: string, label: [string, string]) =>
  preamble + text.slice(findingsStart(text)).replace(`\n${label[0]}\n`, `\n${label[1]}\n`);
const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

const englishInterface = `Migration Governance Indicators (MGI)
Migration Governance Indicators (MGI)

In 2015, IOM developed the Migration Governance Framework (MiGOF) to help define what "well-managed migration policy" might look like at the national level.

Migrants' rights
Migrants' rights

Indicators in this domain look at migrants' access to basic social services.

Partnerships
Partnerships

This domain focuses on countries' efforts to cooperate on migration-related issues.

`;
const spanishInterface = `Indicadores de Gobernanza de la Migración (IGM)

En 2015, la OIM elaboró el Marco de Gobernanza sobre la Migración (MiGOF).

Derechos de las personas migrantes
Derechos de las personas migrantes

Los indicadores de esta esfera examinan el acceso de las personas migrantes a los servicios sociales básicos.

Alianzas
Alianzas

`;

describe('variants of the seeds', () => {
  const original = parsed(seeds.huaquillas);
  const sameFindings = (profile: PortalProfile, from: PortalProfile = original) => {
    expect(profile.domains).toEqual(from.domains);
    expect(profile.introduction).toEqual(from.introduction);
    expect(profile.title).toBe(from.title);
  };

  it('reads a page saved from the English interface, dated in English', () => {
    const profile = parsed(withInterface(seeds.huaquillas, englishInterface, ['2024 Juin', '2024 June']));
    sameFindings(profile);
    expect([profile.year, profile.month, profile.interfaceLanguage]).toEqual([2024, 6, 'en']);
  });

  it('reads a page saved from the Spanish interface, whose own text names the domains too', () => {
    const profile = parsed(withInterface(seeds.lima, spanishInterface, ['2022 Août', '2022 Agosto']));
    sameFindings(profile, parsed(seeds.lima));
    expect([profile.year, profile.month, profile.interfaceLanguage]).toEqual([2022, 8, 'es']);
  });

  it('reads headings, sub-headings and the label in any letter case', () => {
    const text = seeds.huaquillas
      .replace(/^DERECHOS DE LAS PERSONAS MIGRANTES$/m, 'derechos de las personas migrantes')
      .replace(/^ALIANZAS$/m, 'Alianzas')
      .replaceAll('Gobernanza de la migración: Ejemplos de áreas bien desarrolladas:', 'GOBERNANZA DE LA MIGRACIÓN: EJEMPLOS DE ÁREAS BIEN DESARROLLADAS:')
      .replaceAll('Áreas con potencial para un desarrollo adicional:', 'áreas con potencial para un desarrollo adicional')
      .replace('2024 Juin', '2024 JUIN')
      .replace('Key findings', 'KEY FINDINGS');
    sameFindings(parsed(text));
  });

  it('reads a file whose accents were lost, label included', () => {
    const profile = parsed(stripAccents(seeds.lima));
    const lima = parsed(seeds.lima);
    for (const d of domainKeys) expect(profile.domains[d].potential).toEqual(lima.domains[d].potential.map(stripAccents));
    expect([profile.year, profile.month]).toEqual([2022, 8]);
    expect(profile.jurisdiction.slug).toBe('lima');
  });

  it('tolerates Windows line ends, stray blank lines, non-breaking spaces and other bullet signs', () => {
    const text = seeds.huaquillas
      .replaceAll('\n  • ', '\n\n\u00a0\n  - ')
      .replace('ALIANZAS', '\u00a0ALIANZAS\u00a0')
      .replaceAll('\n', '\r\n');
    sameFindings(parsed(text));
  });

  it('reads a title without the country, which the import must then find elsewhere', () => {
    const profile = parsed(seeds.huaquillas.replace(': Cantón Huaquillas (Ecuador)', ': Cantón Huaquillas'));
    expect(profile.jurisdiction).toMatchObject({ name: 'Cantón Huaquillas', slug: 'huaquillas', country: null });
  });

  it('refuses a truncated file, saying where it ends and what is missing', () => {
    const lines = seeds.huaquillas.split('\n');
    const cut = lineOf(seeds.huaquillas, 'BIENESTAR SOCIOECONÓMICO DE LAS PERSONAS MIGRANTES Y LA SOCIEDAD') + 4;
    const error = refusal(parsePortalPage(lines.slice(0, cut).join('\n')));
    expect(error.code).toBe('truncated');
    expect(error.line).toBe(cut + 1);
    expect(error.message).toMatch(/ends before the sub-heading .* of Well-being of migrants, Mobility dimensions of crises, Safe, orderly and regular migration, the edition label/);
  });

  it('refuses a file cut inside a domain before its second list', () => {
    const lines = seeds.huaquillas.split('\n');
    const cut = lineOf(seeds.huaquillas, 'ALIANZAS') + 5;
    const error = refusal(parsePortalPage(lines.slice(0, cut).join('\n')));
    expect(error).toMatchObject({ code: 'truncated', line: cut + 1 });
    expect(error.message).toMatch(/ends before the sub-heading "Areas with potential for further development" of Partnerships, Well-being of migrants/);
  });

  it('refuses a file with a domain missing, at the label', () => {
    const start = seeds.huaquillas.indexOf('ALIANZAS');
    const end = seeds.huaquillas.indexOf('BIENESTAR SOCIOECONÓMICO');
    const text = seeds.huaquillas.slice(0, start) + seeds.huaquillas.slice(end);
    const error = refusal(parsePortalPage(text));
    expect(error).toMatchObject({ code: 'missing_domain', line: lineOf(text, '2024 Juin') });
    expect(error.message).toMatch(/the domain "Partnerships" is missing/);
  });

  it('refuses an unknown heading, with its line', () => {
    const text = seeds.huaquillas.replace('\nALIANZAS\n', '\nALIANZAS ESTRATÉGICAS\n');
    const error = refusal(parsePortalPage(text));
    expect(error).toMatchObject({ code: 'expected_heading', line: lineOf(text, 'ALIANZAS ESTRATÉGICAS') });
    expect(error.message).toContain('found "ALIANZAS ESTRATÉGICAS"');
  });

  it('refuses a heading that appears twice', () => {
    const text = seeds.huaquillas.replace('\nALIANZAS\n', '\nENFOQUE DE GOBIERNO INTEGRAL\n');
    const error = refusal(parsePortalPage(text));
    expect(error).toMatchObject({ code: 'duplicate_section', line: lineOf(seeds.huaquillas, 'ALIANZAS') });
    expect(error.message).toContain(`first on line ${lineOf(text, 'ENFOQUE DE GOBIERNO INTEGRAL')}`);
  });

  it('refuses a list without its sub-heading, and a sub-heading without bullets', () => {
    const noHeading = seeds.huaquillas.replace('\nÁreas con potencial para un desarrollo adicional:\n', '\n\n');
    expect(refusal(parsePortalPage(noHeading)).code).toBe('expected_part_heading');
    const firstBullets = seeds.huaquillas.indexOf('  • Desde 2022 la Dirección');
    const firstPotential = seeds.huaquillas.indexOf('Áreas con potencial');
    const noBullets = seeds.huaquillas.slice(0, firstBullets) + seeds.huaquillas.slice(firstPotential);
    expect(refusal(parsePortalPage(noBullets))).toMatchObject({ code: 'empty_part', line: lineOf(noBullets, 'Áreas con potencial para un desarrollo adicional:') });
  });

  it('refuses prose where a bullet belongs', () => {
    const text = seeds.huaquillas.replace('  • Desde 2022 la Dirección', 'Desde 2022 la Dirección');
    const error = refusal(parsePortalPage(text));
    expect(error.code).toBe('expected_bullet');
    expect(error.message).toMatch(/^Line \d+: expected a bullet/);
  });

  it('refuses a label whose month it does not know, and a missing or broken title', () => {
    expect(refusal(parsePortalPage(seeds.huaquillas.replace('2024 Juin', '2024 Juine'))).code).toBe('unknown_month');
    const noTitle = seeds.huaquillas.slice(0, seeds.huaquillas.indexOf('Perfil de Gobernanza'));
    expect(refusal(parsePortalPage(noTitle)).code).toBe('expected_title');
    const noColon = seeds.huaquillas.replace('Perfil de Gobernanza de la Migración: ', 'Perfil de Gobernanza de la Migración ');
    expect(refusal(parsePortalPage(noColon))).toMatchObject({ code: 'expected_title', line: seeds.huaquillas.split('\n').length });
    // A title longer than the app lets anyone write (a crafted one held 490,000 spaces).
    const at = seeds.huaquillas.lastIndexOf('Cantón Huaquillas (Ecuador)');
    const long = `${seeds.huaquillas.slice(0, at)}Cantón ${'Huaquillas '.repeat(40)}(Ecuador)${seeds.huaquillas.slice(at + 'Cantón Huaquillas (Ecuador)'.length)}`;
    expect(refusal(parsePortalPage(long))).toMatchObject({ code: 'title_too_long', details: { max: 300 } });
  });

  it('refuses a file that is not a profile page at all', () => {
    expect(refusal(parsePortalPage('Hello\n\nThis is a shopping list.\n')).code).toBe('no_findings');
    expect(refusal(parsePortalPage('')).code).toBe('no_findings');
  });

  it('reads a profile written in English or French from its headings', () => {
    const english = `Key findings
INTRODUCTION

This snapshot gives examples of well-developed areas.

Key findings
MIGRANTS' RIGHTS

Examples of well-developed areas:
  • Migrants have access to health care.

Areas with potential for further development:
  • Publish information on rights.
${domainKeys
  .slice(1)
  .map(
    (d) => `
Key findings
${{ whole_of_government: 'WHOLE-OF-GOVERNMENT APPROACH', partnerships: 'PARTNERSHIPS', well_being: 'WELL-BEING OF MIGRANTS', mobility_crises: 'MOBILITY DIMENSIONS OF CRISES', safe_orderly_regular: 'SAFE, ORDERLY AND REGULAR MIGRATION' }[d as string]}

Examples of well-developed areas:
  • ${d} strength.

Areas with potential for further development:
  • ${d} potential.
`,
  )
  .join('')}
2023 March

Migration Governance Profile: City of Accra (Ghana)
`;
    const profile = parsed(english);
    expect(profile.language).toBe('en');
    expect([profile.year, profile.month]).toEqual([2023, 3]);
    expect(profile.jurisdiction).toMatchObject({ name: 'City of Accra', coreName: 'Accra', country: 'Ghana', level: 'municipality', slug: 'accra' });
    expect(profile.domains.safe_orderly_regular.potential).toEqual(['safe_orderly_regular potential.']);

    const french = english
      .replace("MIGRANTS' RIGHTS", 'DROITS DES MIGRANTS')
      .replace('WHOLE-OF-GOVERNMENT APPROACH', "APPROCHE ASSOCIANT L'ENSEMBLE DU GOUVERNEMENT")
      .replace('PARTNERSHIPS', 'PARTENARIATS')
      .replace('WELL-BEING OF MIGRANTS', 'BIEN-ÊTRE DES MIGRANTS')
      .replace('MOBILITY DIMENSIONS OF CRISES', 'ASPECTS DES CRISES RELATIFS À LA MOBILITÉ')
      .replace('SAFE, ORDERLY AND REGULAR MIGRATION', 'MIGRATIONS SÛRES, ORDONNÉES ET RÉGULIÈRES')
      .replaceAll('Examples of well-developed areas:', 'Exemples de domaines bien développés :')
      .replaceAll('Areas with potential for further development:', 'Domaines présentant un potentiel de développement :')
      .replace('2023 March', '2023 Mars');
    const frenchProfile = parsed(french);
    expect(frenchProfile.language).toBe('fr');
    expect(frenchProfile.interfaceLanguage).toBe('fr');
  });
});
