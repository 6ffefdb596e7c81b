import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { withFrenchSpacing } from '../lib/domain/french-spacing';
import { isLocale, localeCookieName } from '../lib/domain/locales';
import { negotiateLocale } from '../lib/domain/negotiate-locale';
import { readTimeZone, timeZoneCookieName } from '../lib/domain/time-zone';

// Built once: every French page would otherwise redo it.
let frenchCatalog: ReturnType<typeof withFrenchSpacing> | undefined;

// The interface language is not in the public URL: profile URLs are shared
// across languages, and each reader sees the interface in their own. Public
// pages get it in an internal path segment (proxy.ts) and set it with
// setRequestLocale, so they stay static; app pages read the cookie.
// Times are in the reader's zone on app pages (a cookie their browser writes:
// components/intl/time-zone-cookie.tsx), else, as on public pages that read no
// cookie, in UTC, named rather than left to the server's own zone. Client
// components under NextIntlClientProvider inherit it, so they format alike.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  if (isLocale(requested)) return { locale: requested, timeZone: 'UTC', messages: await catalog(requested) };
  const jar = await cookies();
  const locale = negotiateLocale(jar.get(localeCookieName)?.value, (await headers()).get('accept-language'));
  return { locale, timeZone: readTimeZone(jar.get(timeZoneCookieName)?.value) ?? 'UTC', messages: await catalog(locale) };
});

async function catalog(locale: string) {
  const messages = (await import(`../messages/${locale}.json`)).default;
  // French marks (« » : ; ? !) stay on the line of their word: lib/domain/french-spacing.ts.
  return locale === 'fr' ? (frenchCatalog ??= withFrenchSpacing(messages)) : messages;
}
