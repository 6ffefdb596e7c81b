import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { isLocale, localeCookieName } from '../lib/domain/locales';
import { negotiateLocale } from '../lib/domain/negotiate-locale';

// The interface language is not in the public URL: profile URLs are shared
// across languages, and each reader sees the interface in their own. Public
// pages get it in an internal path segment (proxy.ts) and set it with
// setRequestLocale, so they stay static; app pages read the cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested)
    ? requested
    : negotiateLocale((await cookies()).get(localeCookieName)?.value, (await headers()).get('accept-language'));
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
