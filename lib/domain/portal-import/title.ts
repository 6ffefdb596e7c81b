import slugify from '@sindresorhus/slugify';
import type { JurisdictionLevel } from '../roles';
import { fold } from './fold';

/** What a profile's title says about its jurisdiction. */
export interface TitleJurisdiction {
  /** As the title writes it: "Cantón Huaquillas", "Municipalidad Metropolitana de Lima". */
  name: string;
  /** Without the administrative prefix: "Huaquillas", "Lima". The slug is made from it. */
  coreName: string;
  /** From "(Ecuador)" at the end of the title; null when the title does not say. */
  country: string | null;
  /** From the prefix ("Estado de" → state); null when there is none. */
  level: JurisdictionLevel | null;
  slug: string;
}

/*
 * Administrative prefixes in the three languages, longest first so that
 * "Municipalidad Metropolitana de" wins over "Municipalidad de".
 */
const prefixes: Array<[string, JurisdictionLevel]> = (
  [
    ['Municipalidad Metropolitana de', 'municipality'],
    ['Municipalidad Provincial de', 'municipality'],
    ['Municipalidad Distrital de', 'municipality'],
    ['Distrito Metropolitano de', 'municipality'],
    ['Gobierno Autónomo Descentralizado de', 'municipality'],
    ['Metropolitan Municipality of', 'municipality'],
    ['Municipalidad de', 'municipality'],
    ['Municipio de', 'municipality'],
    ['Alcaldía de', 'municipality'],
    ['Ciudad de', 'municipality'],
    ['Cantón de', 'municipality'],
    ['Cantón', 'municipality'],
    ['Municipality of', 'municipality'],
    ['City of', 'municipality'],
    ['Ville de', 'municipality'],
    ['Commune de', 'municipality'],
    ['Municipalité de', 'municipality'],
    ['Estado de', 'state'],
    ['Provincia de', 'state'],
    ['Departamento de', 'state'],
    ['Región de', 'state'],
    ['Gobernación de', 'state'],
    ['State of', 'state'],
    ['Province of', 'state'],
    ['Region of', 'state'],
    ['État de', 'state'],
    ['Province de', 'state'],
    ['Région de', 'state'],
    ['Gouvernorat de', 'state'],
  ] as Array<[string, JurisdictionLevel]>
).sort((a, b) => b[0].length - a[0].length);

/**
 * "Perfil de Gobernanza de la Migración: Cantón Huaquillas (Ecuador)",
 * "Perfil de Gobernanza Migratoria: Lima", "Profil de gouvernance des
 * migrations : Sonora (Mexique)": the words before the first colon name the
 * kind of document, the rest the jurisdiction and perhaps its country.
 * Null when there is no colon or nothing after it.
 */
export function parseTitle(title: string): TitleJurisdiction | null {
  const colon = title.indexOf(':');
  if (colon <= 0) return null;
  let rest = title.slice(colon + 1).trim();
  let country: string | null = null;
  // "… (Ecuador)" at the end: found by position, not by a pattern (a lazy `^(.*?)\s*\(…\)$` took
  // time growing with the square of a run of spaces: minutes for one crafted 500 KB line).
  const open = rest.lastIndexOf('(');
  if (rest.endsWith(')') && open >= 0) {
    const inside = rest.slice(open + 1, -1);
    if (inside && !inside.includes('(') && !inside.includes(')')) {
      rest = rest.slice(0, open).trim();
      country = inside.trim();
    }
  }
  if (!rest || !/\p{L}/u.test(rest)) return null;
  const { coreName, level } = withoutPrefix(rest);
  const slug = slugify(coreName);
  if (slug.length < 2) return null;
  return { name: rest, coreName, country, level, slug: slug.slice(0, 60).replace(/-+$/, '') };
}

/** The name without its administrative prefix, and the level the prefix names. */
export function withoutPrefix(name: string): { coreName: string; level: JurisdictionLevel | null } {
  const folded = fold(name);
  for (const [prefix, level] of prefixes) {
    const p = fold(prefix);
    if (folded.startsWith(`${p} `)) {
      // Cut as many words from the original as the prefix has, keeping the name's own spelling.
      const words = name.split(/\s+/);
      const core = words.slice(p.split(' ').length).join(' ');
      if (core) return { coreName: core, level };
    }
  }
  return { coreName: name, level: null };
}

/** Whether two country names are the same one, as people write them ("México", "MEXICO"). */
export function sameCountry(a: string, b: string): boolean {
  return fold(a) === fold(b);
}
