import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { EditionSummary, EditionView } from '@/lib/data/editions';
import { withColon } from '@/lib/domain/french-spacing';

/**
 * On a corrected edition: when and why it was corrected, and every version of
 * the month, each at its own URL (the original is never changed). On an
 * earlier version: that it was corrected since, and where the correction is.
 * `versions` holds the month's versions, oldest first, with their notes.
 */
export async function CorrectionNotice({
  edition,
  versions,
  label,
  href,
  formatDate,
}: {
  edition: EditionView;
  versions: Array<EditionSummary & { note: string | null }>;
  label: string;
  href: (e: { year: number; month: number; version?: number }) => string;
  formatDate: (d: Date) => string;
}) {
  const t = await getTranslations('public');
  const ui = await getLocale();
  const newest = versions[versions.length - 1];
  const isNewest = newest.version === edition.version;
  // Each correction's note, up to the version shown: what was corrected, and when.
  const corrections = versions.filter((v) => v.version > 1 && v.version <= edition.version);
  return (
    <section className="notice notice--info" role="note" data-testid="correction-note">
      {isNewest ? (
        corrections.map((v) => (
          <p key={v.id}>{t('correctionNote', { date: formatDate(v.publishedAt), note: v.note ?? '' })}</p>
        ))
      ) : (
        <p>
          {t('replaced', { label, date: formatDate(edition.publishedAt), corrected: formatDate(newest.publishedAt) })}{' '}
          <Link href={href({ year: edition.year, month: edition.month })}>{t('readCorrected')}</Link>
        </p>
      )}
      <p className="small">
        {withColon(t('versions'), ui)}{' '}
        {versions.map((v, i) => {
          const text = v.version === 1 ? t('originalVersion', { date: formatDate(v.publishedAt) }) : t('correctionVersion', { n: v.version - 1, date: formatDate(v.publishedAt) });
          return (
            <span key={v.id}>
              {i > 0 && ' · '}
              {v.version === edition.version ? (
                <strong aria-current="page">{text}</strong>
              ) : (
                <Link href={href({ year: v.year, month: v.month, version: v.version })}>{text}</Link>
              )}
            </span>
          );
        })}
      </p>
    </section>
  );
}
