import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ConsultationSection } from '@/lib/domain/consultation';

/** "Read by 2 of 3": green once everyone consulted has opened the section; a link to the details when `href` is given. */
export async function ReadBySummary({ summary, href }: { summary: ConsultationSection['summary']; href?: string }) {
  const t = await getTranslations('consultation');
  const all = summary.people > 0 && summary.read === summary.people;
  const props = { className: `badge consultation-read-by ${all ? 'badge--ok' : 'badge--off'}`, title: t('readByTitle', summary), 'data-testid': 'read-by' };
  const text = `${all ? '✓ ' : ''}${t('readBy', summary)}`;
  return href ? (
    <Link href={href} {...props}>
      {text}
    </Link>
  ) : (
    <span {...props}>{text}</span>
  );
}
