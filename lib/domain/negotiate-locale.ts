import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, isLocale, locales, type Locale } from './locales';

/** The interface language: the saved choice, else the browser's preference, else English. */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (!acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).languages();
  try {
    const found = match(requested.filter((l) => l !== '*'), [...locales], defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    return defaultLocale; // malformed language tags
  }
}

/**
 * The language a set-password link was sent in (`?lang=`, lib/data/users.ts),
 * for a browser that has chosen none: an invited reviewer's first page is in
 * the language of their invitation, not their browser's. Never stored: the
 * address only decides that page (and its form's answers).
 */
export function setPasswordLinkLocale(pathname: string, search: URLSearchParams, cookieValue: string | undefined): Locale | null {
  if (pathname !== '/set-password' || isLocale(cookieValue)) return null;
  const lang = search.get('lang');
  return isLocale(lang) ? lang : null;
}
