import 'server-only';
// use-intl's core (next-intl's own base): the plain translator, without React, so the CLI can load it.
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import { defaultLocale, isLocale, type Locale } from '../domain/locales';

const catalogs = { en, fr, es } as const;

export type AccountEmail =
  | { kind: 'invite' | 'reset'; name: string; admin: string; link: string; hours: number }
  | { kind: 'reset_notice'; name: string; admin: string };

/**
 * Emails about a person's own account, in the language they last chose (the
 * interface's default when they never chose one). Built outside any request,
 * from the catalogs themselves, so the data layer and the CLI can send them.
 */
export function accountEmail(locale: string | null, email: AccountEmail): { subject: string; body: string } {
  const lang: Locale = isLocale(locale) ? locale : defaultLocale;
  const t = createTranslator({ locale: lang, messages: catalogs[lang], namespace: 'accountEmails' });
  switch (email.kind) {
    case 'invite':
      return { subject: t('inviteSubject'), body: t('inviteBody', { name: email.name, admin: email.admin, link: email.link, hours: email.hours }) };
    case 'reset':
      return { subject: t('resetSubject'), body: t('resetBody', { name: email.name, admin: email.admin, link: email.link, hours: email.hours }) };
    case 'reset_notice':
      return { subject: t('resetNoticeSubject'), body: t('resetNoticeBody', { name: email.name, admin: email.admin }) };
  }
}
