import 'server-only';
// use-intl's core (next-intl's own base): the plain translator, without React, so the CLI can load it.
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import { dayInWords } from '../domain/reviewer-schemas';
import { defaultLocale, isLocale, type Locale } from '../domain/locales';

const catalogs = { en, fr, es } as const;

export type AccountEmail =
  | { kind: 'invite' | 'reset'; name: string; admin: string; link: string; hours: number }
  | { kind: 'reset_notice'; name: string; admin: string }
  | { kind: 'reviewer_invite'; name: string; admin: string; link: string; hours: number; jurisdiction: string; until: string | null }
  /** Someone who already has an account was made a reviewer: no link to set a password, they sign in as usual. */
  | { kind: 'reviewer_added'; name: string; admin: string; link: string; jurisdiction: string; until: string | null };

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
    case 'reviewer_invite': {
      const values = { name: email.name, admin: email.admin, link: email.link, hours: email.hours, jurisdiction: email.jurisdiction };
      const until = email.until ? t('reviewerUntil', { until: dayInWords(email.until, lang) }) : '';
      return { subject: t('reviewerInviteSubject', { jurisdiction: email.jurisdiction }), body: t('reviewerInviteBody', { ...values, until }) };
    }
    case 'reviewer_added': {
      const until = email.until ? t('reviewerUntil', { until: dayInWords(email.until, lang) }) : '';
      return {
        subject: t('reviewerAddedSubject', { jurisdiction: email.jurisdiction }),
        body: t('reviewerAddedBody', { name: email.name, admin: email.admin, jurisdiction: email.jurisdiction, link: email.link, until }),
      };
    }
    case 'reset_notice':
      return { subject: t('resetNoticeSubject'), body: t('resetNoticeBody', { name: email.name, admin: email.admin }) };
  }
}
