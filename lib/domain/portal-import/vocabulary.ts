import { locales, type Locale } from '../locales';
import { domainKeys, domainNames, partHeadings, type DomainKey, type DomainPart } from '../profile';
import { fold } from './fold';

/*
 * The words the portal's pages use, in the three languages. Every form is
 * compared folded (see fold.ts), so accents, letter case and punctuation do
 * not matter. The names in lib/domain/profile.ts are always included; the
 * forms below are the other ones the published profiles print.
 */

type Forms = Record<Locale, readonly string[]>;

const otherDomainForms: Record<DomainKey, Forms> = {
  migrants_rights: {
    en: ['Migrant rights', 'Rights of migrants'],
    fr: ['Droits des personnes migrantes'],
    es: ['Derechos de los migrantes'],
  },
  whole_of_government: {
    en: ['Whole-of-government approach'],
    fr: ["Approche de l'ensemble du gouvernement", 'Approche pangouvernementale'],
    es: ['Enfoque integral de gobierno', 'Enfoque de gobierno en su conjunto'],
  },
  partnerships: { en: [], fr: [], es: [] },
  well_being: {
    en: ['Socioeconomic well-being of migrants', 'Socioeconomic well-being of migrants and society', "Migrants' socioeconomic well-being"],
    fr: ['Bien-être socioéconomique des migrants', 'Bien-être socioéconomique des migrants et de la société'],
    es: [
      'Bienestar socioeconómico de las personas migrantes y la sociedad',
      'Bienestar de los migrantes',
      'Bienestar de las personas migrantes',
      'Bienestar socioeconómico de los migrantes',
    ],
  },
  mobility_crises: {
    en: ['Mobility dimension of crises', 'Mobility dimensions of crisis'],
    // "crises" after "une" is the portal's own typo; its pages print it so.
    fr: ["Aspects d'une crise relatifs à la mobilité", "Aspects d'une crises relatifs à la mobilité", 'Dimensions de mobilité des crises'],
    es: ['Dimensiones de movilidad en situaciones de crisis', 'Movilidad en las crisis'],
  },
  safe_orderly_regular: {
    en: ['Safe, orderly and regular migration', 'Safe, orderly, and regular migration'],
    fr: ['Migration sûre, ordonnée et régulière'],
    es: ['Migración segura, ordenada y regular'],
  },
};

const introductionForms: Forms = { en: ['Introduction'], fr: ['Introduction'], es: ['Introducción'] };

const otherPartForms: Record<DomainPart, Forms> = {
  strengths: {
    en: ['Migration governance: Examples of well-developed areas', 'Examples of well developed areas'],
    fr: ['Gouvernance des migrations : Exemples de domaines bien développés', 'Exemples de domaines bien développés'],
    es: ['Ejemplos de áreas bien desarrolladas'],
  },
  potential: {
    en: ['Areas with potential for further development'],
    fr: ['Domaines présentant un potentiel de développement supplémentaire', 'Domaines ayant un potentiel de développement'],
    es: ['Áreas con potencial de desarrollo adicional'],
  },
};

/** The line that opens each block of findings; the portal prints it in English whatever the interface language. */
const findingsMarkers = ['Key findings', 'Principales conclusions', 'Conclusions clés', 'Principaux résultats', 'Hallazgos principales', 'Principales hallazgos', 'Conclusiones clave'];

type Match<K> = { key: K; language: Locale };

function indexForms<K extends string>(entries: Array<[K, Forms]>): Map<string, Match<K>> {
  const index = new Map<string, Match<K>>();
  for (const [key, forms] of entries) {
    for (const language of locales) {
      for (const form of forms[language]) index.set(fold(form), { key, language });
    }
  }
  return index;
}

const sectionIndex = indexForms<DomainKey | 'introduction'>([
  ['introduction', introductionForms],
  ...domainKeys.map((key): [DomainKey, Forms] => {
    const forms = otherDomainForms[key];
    return [key, { en: [domainNames[key].en, ...forms.en], fr: [domainNames[key].fr, ...forms.fr], es: [domainNames[key].es, ...forms.es] }];
  }),
]);

const partIndex = indexForms<DomainPart>(
  (['strengths', 'potential'] as const).map((part): [DomainPart, Forms] => {
    const forms = otherPartForms[part];
    return [part, { en: [partHeadings[part].en, ...forms.en], fr: [partHeadings[part].fr, ...forms.fr], es: [partHeadings[part].es, ...forms.es] }];
  }),
);

const markerSet = new Set(findingsMarkers.map(fold));

/** "INTRODUCCIÓN", "Alianzas", "BIEN-ÊTRE DES MIGRANTS"… and which language it is in. */
export function matchSectionHeading(line: string): Match<DomainKey | 'introduction'> | null {
  return sectionIndex.get(fold(line)) ?? null;
}

/** The two sub-headings of a domain, with or without their trailing colon. */
export function matchPartHeading(line: string): Match<DomainPart> | null {
  return partIndex.get(fold(line)) ?? null;
}

export function isFindingsMarker(line: string): boolean {
  return markerSet.has(fold(line));
}

/** How a heading is written in a message: the profile table's name, in the language found. */
export function sectionName(key: DomainKey | 'introduction', language: Locale): string {
  return key === 'introduction' ? introductionForms[language][0] : domainNames[key][language];
}

// Month names from the platform's Intl data, never a hand-written table.
const monthIndex = new Map<string, Match<number>>();
for (const language of locales) {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  for (let month = 1; month <= 12; month++) {
    const date = new Date(Date.UTC(2024, month - 1, 15));
    for (const name of [format.format(date), short.format(date)]) {
      const key = fold(name);
      if (!monthIndex.has(key)) monthIndex.set(key, { key: month, language });
    }
  }
}

/** A month's name in English, French or Spanish: "Juin", "AGOSTO", "aout", "Sept." */
export function matchMonth(word: string): Match<number> | null {
  return monthIndex.get(fold(word)) ?? null;
}
