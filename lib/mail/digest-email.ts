import 'server-only';
// As notification-emails.ts: use-intl's core translator over the catalogs, so the
// digest is written in the recipient's language outside any request.
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import fr from '../../messages/fr.json';
import { digestTotals, namedWithOthers, type DigestProfile } from '../domain/notification-digest';
import { domainName, isDomainKey } from '../domain/profile';
import { recipientLocale } from './notification-emails';

const catalogs = { en, fr, es } as const;

/**
 * One digest email: per profile and section, how many suggestions and new
 * comment threads, by whom, and the link that opens the section; in the
 * recipient's language. `baseUrl` is the app's public address.
 */
export function digestEmail(
  locale: string | null | undefined,
  email: { name: string; profiles: readonly DigestProfile[]; baseUrl: string },
): { subject: string; body: string } {
  const lang = recipientLocale(locale);
  const t = createTranslator({ locale: lang, messages: catalogs[lang], namespace: 'notificationEmails' });
  const introduction = createTranslator({ locale: lang, messages: catalogs[lang], namespace: 'profiles' })('introduction');
  const what = (counts: { suggestions: number; comments: number }) => {
    const parts = [
      ...(counts.suggestions > 0 ? [t('digest.suggestions', { n: counts.suggestions })] : []),
      ...(counts.comments > 0 ? [t('digest.comments', { n: counts.comments })] : []),
    ];
    return parts.length === 2 ? t('digest.both', { first: parts[0], second: parts[1] }) : (parts[0] ?? '');
  };
  const blocks = email.profiles.map((p) => {
    const lines = p.sections.map((s) => {
      const where = isDomainKey(s.section) ? domainName(s.section, lang) : introduction;
      const people = namedWithOthers(s.actors);
      const line = t('digest.line', { section: where, what: what(s), people: t('digest.people', { name: people.name, others: people.others }) });
      return `- ${line}\n  ${email.baseUrl}/assessments/${p.assessmentId}/sections/${s.section}`;
    });
    return `${t('digest.profile', { title: p.title, jurisdiction: p.jurisdiction })}\n${lines.join('\n')}`;
  });
  return {
    subject: t('digest.subject', { what: what(digestTotals(email.profiles)) }),
    body: `${t('greeting', { name: email.name })}\n\n${t('digest.intro')}\n\n${blocks.join('\n\n')}\n\n${t('digest.immediate')}\n\n${t('digest.why')}\n`,
  };
}
