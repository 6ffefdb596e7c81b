import type { Locale } from './locales';

/*
 * Countries are stored as ISO 3166-1 alpha-2 codes and named in the reader's
 * language by the platform (Intl.DisplayNames). Intl can name a region but has
 * no list of them (Intl.supportedValuesOf has no 'region'), so the codes live
 * here; countries.test.ts checks that every one has a name in every locale.
 */
export const countryCodes = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ', 'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN',
  'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE',
  'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA', 'GB', 'GD', 'GE', 'GF',
  'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK', 'HM',
  'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM',
  'JO', 'JP', 'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC',
  'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK',
  'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS', 'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA',
  'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ', 'OM', 'PA', 'PE', 'PF', 'PG',
  'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO',
  'TR', 'TT', 'TV', 'TW', 'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI',
  'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA', 'ZM', 'ZW',
] as const;
export type CountryCode = (typeof countryCodes)[number];

const codeSet: ReadonlySet<string> = new Set(countryCodes);
export const isCountryCode = (value: string): value is CountryCode => codeSet.has(value);

const namers = new Map<string, Intl.DisplayNames>();
function namer(locale: string) {
  let n = namers.get(locale);
  if (!n) {
    n = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    namers.set(locale, n);
  }
  return n;
}

/**
 * The name of a stored country in the reader's language. Editions published
 * before countries became codes froze a name: it is shown as it was written.
 */
export function countryName(stored: string, locale: Locale | string): string {
  return isCountryCode(stored) ? (namer(locale).of(stored) ?? stored) : stored;
}

/** Every country as a select option, named and sorted in the reader's language. */
export function countryOptions(locale: Locale | string): { value: CountryCode; label: string }[] {
  const collator = new Intl.Collator(locale);
  return countryCodes
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** Lowercase without accents or punctuation, so "Perú" and "peru" meet. */
export const foldCountryName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let byName: Map<string, CountryCode> | undefined;

/**
 * The code of a country given by code ("PE") or by name in English, French or
 * Spanish ("Perú", "Pérou", "Peru"); null when it names no country. Used by the
 * portal import (titles name the country) and the CLI's --country.
 */
export function countryCodeOf(input: string): CountryCode | null {
  const trimmed = input.trim();
  if (isCountryCode(trimmed.toUpperCase()) && trimmed.length === 2) return trimmed.toUpperCase() as CountryCode;
  if (!byName) {
    byName = new Map();
    for (const locale of ['en', 'fr', 'es']) {
      for (const code of countryCodes) {
        const name = namer(locale).of(code);
        if (name) byName.set(foldCountryName(name), code);
      }
    }
  }
  return byName.get(foldCountryName(trimmed)) ?? null;
}

/**
 * Codes of the countries whose name, in English, French or Spanish, contains
 * the words typed (accents and case ignored): the public index's search box
 * finds "Perú" jurisdictions from "peru" or "pérou".
 */
export function countryCodesMatching(input: string): CountryCode[] {
  const folded = foldCountryName(input);
  if (!folded) return [];
  return countryCodes.filter((code) => ['en', 'fr', 'es'].some((locale) => foldCountryName(namer(locale).of(code) ?? '').includes(folded)));
}
