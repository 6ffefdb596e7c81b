import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { localeCookieName } from '../lib/domain/locales';
import { negotiateLocale } from '../lib/domain/negotiate-locale';

// The interface language is not in the URL: profile URLs are shared across
// languages, and each reader sees the interface in their own.
export default getRequestConfig(async () => {
  const locale = negotiateLocale(
    (await cookies()).get(localeCookieName)?.value,
    (await headers()).get('accept-language'),
  );
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
