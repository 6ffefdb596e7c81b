import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { withFrenchSpacing } from '../lib/domain/french-spacing';
import { isLocale, localeCookieName } from '../lib/domain/locales';
import { negotiateLocale } from '../lib/domain/negotiate-locale';

// Built once: every French page would otherwise redo it.
let frenchCatalog: ReturnType<typeof withFrenchSpacing> | undefined;

// The interface language is not in the public URL: profile URLs are shared
// across languages, and each reader sees the interface in their own. Public
// pages get it in an internal path segment (proxy.ts) and set it with
// setRequestLocale, so they stay static; app pages read the cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested)
    ? requested
    : negotiateLocale((await cookies()).get(localeCookieName)?.value, (await headers()).get('accept-language'));
  const messages = (await import(`../messages/${locale}.json`)).default;
  // French marks (« » : ; ? !) stay on the line of their word: lib/domain/french-spacing.ts.
  return { locale, messages: locale === 'fr' ? (frenchCatalog ??= withFrenchSpacing(messages)) : messages };
});
