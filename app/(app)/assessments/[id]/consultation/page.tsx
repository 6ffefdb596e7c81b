import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ConsultationTable } from '@/components/profiles/consultation-table';
import { ReadBySummary } from '@/components/profiles/read-by-summary';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { titleFrom } from '@/lib/auth/page-title';
import { getAssessmentHeader } from '@/lib/data/assessments';
import { getConsultation } from '@/lib/data/consultation';
import { ForbiddenError } from '@/lib/data/errors';
import { isLocale } from '@/lib/domain/locales';
import { domainName, type SectionKey } from '@/lib/domain/profile';
import type { Metadata } from 'next';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('consultation');
  return titleFrom(async (actor) => `${t('title')} · ${(await getAssessmentHeader(actor, id)).title}`, t('title'));
}

/**
 * Per section, who of the jurisdiction's focal points and reviewers has read it,
 * commented and suggested: for its focal points, consultants and admins
 * (lib/policy `judgeConsultation`). A reviewer gets the 404 page too: the page
 * is not theirs, and there is nothing on it to explain.
 */
export default async function ConsultationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/assessments/${id}/consultation`);
  if (!z.uuid().safeParse(id).success) notFound();
  const consultation = await orNotFound(
    getConsultation(actor, id).catch((error) => {
      if (error instanceof ForbiddenError) notFound();
      throw error;
    }),
  );
  const { profile, sections } = consultation;
  const t = await getTranslations('consultation');
  const p = await getTranslations('profiles');
  const locale = await getLocale();
  const ui = isLocale(locale) ? locale : 'en';
  const name = (s: SectionKey) => (s === 'introduction' ? p('introduction') : domainName(s, ui));
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const nobody = sections[0]?.rows.length === 0;
  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link href={`/assessments/${id}`}>← {p('back')}</Link>
        </p>
        <h1>{t('title')}</h1>
        <p className="muted" lang={profile.language}>
          {profile.title}
        </p>
        <p className="small">{t('intro', { jurisdiction: profile.jurisdictionName })}</p>
        <p className="small muted">{t('onlyInReview')}</p>
      </div>
      {nobody ? (
        <p className="notice notice--info">{t('noPeople')}</p>
      ) : (
        sections.map((s) => (
          <section key={s.section} className="card consultation-section" id={`consultation-${s.section}`} aria-labelledby={`consultation-${s.section}-title`} data-testid={`consultation-${s.section}`}>
            <h2 id={`consultation-${s.section}-title`}>
              <Link href={`/assessments/${id}/sections/${s.section}`}>{name(s.section)}</Link>
            </h2>
            <p className="chips consultation-section__summary">
              <ReadBySummary summary={s.summary} />
              {s.summary.commented > 0 && <span className="badge badge--comment">{t('commentedBy', { n: s.summary.commented })}</span>}
              {s.summary.suggested > 0 && <span className="badge badge--warn">{t('suggestedBy', { n: s.summary.suggested })}</span>}
            </p>
            <ConsultationTable rows={s.rows} caption={t('people', { section: name(s.section) })} when={when} />
          </section>
        ))
      )}
    </div>
  );
}
