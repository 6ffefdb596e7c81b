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
