import { isLocale, type Locale } from '../domain/locales';
import { slugParam } from '../domain/api-schemas';

/** `?lang=` of a public page: a content language, or nothing. */
export function contentLanguageParam(value: string | string[] | undefined): Locale | undefined {
  return typeof value === 'string' && isLocale(value) ? value : undefined;
}

export function isJurisdictionSlug(value: string): boolean {
  return slugParam.safeParse(value).success;
}
