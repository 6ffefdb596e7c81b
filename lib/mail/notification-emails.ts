import 'server-only';
// Like account-emails.ts: the plain translator of use-intl's core, so emails are
// built from the catalogs in the recipient's language, outside any request.
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import { editionLabel } from '../domain/edition-label';
import { defaultLocale, isLocale, type Locale } from '../domain/locales';

const catalogs = { en, fr, es } as const;

export type NotificationKind = 'submitted' | 'changes_requested' | 'approved' | 'published' | 'comment_thread' | 'comment_reply' | 'mentioned';

export interface NotificationEmail {
  kind: NotificationKind;
  /** The recipient's name, for the greeting. */
  name: string;
  /** Who did it. */
  actor: string;
  jurisdiction: string;
  title: string;
  /** Absolute URL of the item: the profile, the comment thread or the edition. */
  link: string;
  /** A workflow note or the comment's text, quoted in the body. */
  quote?: string | null;
  /** The commented passage. */
  passage?: string | null;
  /** The edition, for publications; its label is written in the recipient's language. */
  edition?: { year: number; month: number } | null;
}

/** The recipient's language: the one they last chose, else the interface's default. */
export function recipientLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : defaultLocale;
}

/** An email about a profile, its comments or its publication, in the recipient's language. */
export function notificationEmail(locale: string | null | undefined, email: NotificationEmail): { subject: string; body: string } {
  const lang = recipientLocale(locale);
  const t = createTranslator({ locale: lang, messages: catalogs[lang], namespace: 'notificationEmails' });
  const values = {
    actor: email.actor,
    jurisdiction: email.jurisdiction,
    title: email.title,
    passage: email.passage ?? '',
    label: email.edition ? editionLabel(email.edition.year, email.edition.month, lang) : '',
  };
  const quote = email.quote?.trim() ? `\n\n${t('quoted', { text: email.quote.trim() })}` : '';
  return {
    subject: t(`subject.${email.kind}`, values),
    body: `${t('greeting', { name: email.name })}\n\n${t(`line.${email.kind}`, values)}${quote}\n\n${t('open')}\n${email.link}\n\n${t('why', { jurisdiction: email.jurisdiction })}\n`,
  };
}
