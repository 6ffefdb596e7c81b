import type { Locale } from './locales';

/** The six MGI domains, always in this order. */
export const domainKeys = [
  'migrants_rights',
  'whole_of_government',
  'partnerships',
  'well_being',
  'mobility_crises',
  'safe_orderly_regular',
] as const;
export type DomainKey = (typeof domainKeys)[number];

/** Each domain has two parts; the introduction has one. */
export const domainParts = ['strengths', 'potential'] as const;
export type DomainPart = (typeof domainParts)[number];

export const sectionKeys = ['introduction', ...domainKeys] as const;
export type SectionKey = (typeof sectionKeys)[number];
export type PartKey = DomainPart | 'body';

/** Every (section, part) slot of a profile, in reading order. */
export const profileSlots: ReadonlyArray<{ section: SectionKey; part: PartKey }> = [
  { section: 'introduction', part: 'body' },
  ...domainKeys.flatMap((section) => domainParts.map((part) => ({ section, part }))),
];

export function partsOf(section: SectionKey): readonly PartKey[] {
  return section === 'introduction' ? (['body'] as const) : domainParts;
}

export function isSlot(section: string, part: string): section is SectionKey {
  return profileSlots.some((s) => s.section === section && s.part === part);
}

export function isDomainKey(value: string): value is DomainKey {
  return (domainKeys as readonly string[]).includes(value);
}

export const domainNames: Record<DomainKey, Record<Locale, string>> = {
  migrants_rights: { en: "Migrants' rights", fr: 'Droits des migrants', es: 'Derechos de las personas migrantes' },
  whole_of_government: {
    en: 'Whole of government approach',
    fr: "Approche associant l'ensemble du gouvernement",
    es: 'Enfoque de gobierno integral',
  },
  partnerships: { en: 'Partnerships', fr: 'Partenariats', es: 'Alianzas' },
  well_being: {
    en: 'Well-being of migrants',
    fr: 'Bien-être des migrants',
    es: 'Bienestar socioeconómico de las personas migrantes',
  },
  mobility_crises: {
    en: 'Mobility dimensions of crises',
    fr: 'Aspects des crises relatifs à la mobilité',
    es: 'Movilidad en situaciones de crisis',
  },
  safe_orderly_regular: {
    en: 'Safe, orderly and regular migration',
    fr: 'Migrations sûres, ordonnées et régulières',
    es: 'Migración segura, ordenada y regular',
  },
};

/** A domain's name in an interface language; unknown languages fall back to English. */
export function domainName(domain: DomainKey, locale: string): string {
  return domainNames[domain][(['en', 'fr', 'es'] as const).find((l) => l === locale) ?? 'en'];
}

/** The headings of a domain's two parts, in the profile's content language. */
export const partHeadings: Record<DomainPart, Record<Locale, string>> = {
  strengths: {
    en: 'Examples of well-developed areas',
    fr: 'Exemples de domaines bien développés',
    // As the published Spanish profiles print it.
    es: 'Gobernanza de la migración: Ejemplos de áreas bien desarrolladas',
  },
  potential: {
    en: 'Areas with potential for further development',
    fr: 'Domaines présentant un potentiel de développement',
    es: 'Áreas con potencial para un desarrollo adicional',
  },
};

/** The default title of a new profile in its content language. */
export function defaultProfileTitle(language: Locale, jurisdiction: string, country: string, isCountry: boolean): string {
  const where = isCountry || jurisdiction === country ? jurisdiction : `${jurisdiction} (${country})`;
  switch (language) {
    case 'es':
      return `Perfil de Gobernanza de la Migración: ${where}`;
    case 'fr':
      return `Profil de gouvernance des migrations : ${where}`;
    case 'en':
      return `Migration Governance Profile: ${where}`;
  }
}
