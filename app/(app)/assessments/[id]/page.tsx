import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ClientIntl } from '@/components/intl/client-intl';
import { TitleForm } from '@/components/profiles/title-form';
import { WorkflowPanel } from '@/components/profiles/workflow-panel';
import { PublicationPlanNote } from '@/components/profiles/publication-plan-note';
import { PublishedAs } from '@/components/profiles/published-as';
import { editionMonthById, publicationPlan } from '@/lib/data/editions';
import { editionLabel } from '@/lib/domain/edition-label';
import { hasRealText } from '@/lib/domain/editor/doc-text';
import { listTransitions, workflowAbilities } from '@/lib/data/workflow';
import { listDomainReviews } from '@/lib/data/domain-reviews';
import { countOpenThreads } from '@/lib/data/comments-read';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { getAssessment } from '@/lib/data/assessments';
import { domainName } from '@/lib/domain/profile';
import { sectionProgress } from '@/lib/domain/profile-progress';
import { canOnAssessment, judgeStartTranslation, reviewsProfile } from '@/lib/policy';
import { changesSinceReview } from '@/lib/data/changes-since-review';
import { listTranslationsOf, translationState } from '@/lib/data/translations';
import { translationLanguages } from '@/lib/domain/translation';
import { StartTranslationForm } from '@/components/profiles/start-translation-form';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';
import { getAssessmentHeader } from '@/lib/data/assessments';
import { listOpenSuggestions } from '@/lib/data/suggestions';
import { BulkSuggestionDecision } from '@/components/editor/bulk-suggestion-decision';
import { getConsultation } from '@/lib/data/consultation';
import { judgeConsultation } from '@/lib/policy';
import { ReadBySummary } from '@/components/profiles/read-by-summary';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return titleFrom(async (actor) => (await getAssessmentHeader(actor, id)).title, (await getTranslations('profiles'))('title'));
}

export default async function AssessmentOverview({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/assessments/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const profile = await orNotFound(getAssessment(actor, id));
  const canEdit = canOnAssessment(actor, 'edit', profile);
  // Its consultants, told why they cannot write now, rather than that only its consultants can.
  const editsInDraft = !canEdit && canOnAssessment(actor, 'edit', { ...profile, state: 'draft' });
  const abilities = await workflowAbilities(actor, profile);
  const history = await listTransitions(actor, profile.id);
  const w = await getTranslations('workflow');
  const r = await getTranslations('review');
  const reviews = await listDomainReviews(actor, profile.id);
  const accepted = reviews.filter((x) => x.decision === 'accepted').length;
  const openComments = await countOpenThreads(actor, profile.id);
  const totalOpen = Object.values(openComments).reduce((a, b) => a + (b ?? 0), 0);
  const c = await getTranslations('comments');
  // How many suggestions are open, and where: the decisions still to take before approval.
  const openSuggestions: Record<string, number> = {};
  for (const x of await listOpenSuggestions(actor, profile.id)) openSuggestions[x.section] = (openSuggestions[x.section] ?? 0) + 1;
  const suggestionsTotal = Object.values(openSuggestions).reduce((a, b) => a + b, 0);
  const sg = await getTranslations('suggestions');
  // Who of the people consulted has read each section: for those who follow the consultation, once it has begun.
  const consultation = judgeConsultation(actor, profile) === 'allowed' ? (await getConsultation(actor, profile.id)).sections : null;
  const consultationBegun = profile.state !== 'draft' || (consultation ?? []).some((x) => x.summary.read > 0);
  const readBy = (section: string) => (consultationBegun ? consultation?.find((x) => x.section === section && x.summary.people > 0)?.summary : undefined);
  const cs = await getTranslations('consultation');
  const t = await getTranslations('profiles');
  const format = await getFormatter();
  const ui = await getLocale();
  const progress = sectionProgress(profile.parts);
  const done = progress.filter((p) => p.section !== 'introduction' && p.completeness === 'complete').length;
  // Decided when the round started; shown from then on, not only when publishing.
  const plan = profile.state === 'published' ? null : await publicationPlan(actor, profile.id);
  const basedOn = profile.basedOnEditionId ? await editionMonthById(profile.basedOnEditionId) : null;
  const basedOnLabel = basedOn ? editionLabel(basedOn.year, basedOn.month, ui) : null;
  /** A section no one changed in this round: copied from the last edition, or still empty. */
  const untouched = (section: string) => {
    const hasText = profile.parts.some((x) => x.section === section && hasRealText(x.doc));
    if (!hasText) return t('neverChanged');
    return basedOnLabel ? t('copiedFrom', { label: basedOnLabel }) : t('notChangedYet');
  };
  // A translation: its source, and which parts' source changed since they were translated.
  const translation = await translationState(actor, profile);
  const staleBySection: Record<string, number> = {};
  for (const p of translation?.parts ?? []) if (p.stale) staleBySection[p.section] = (staleBySection[p.section] ?? 0) + 1;
  const staleTotal = Object.values(staleBySection).reduce((a, b) => a + b, 0);
  // Parts still word for word the source's (they start as copies): published so, they would not be in this language.
  const untranslated = (translation?.parts ?? []).filter((p) => p.untranslated).length;
  const translations = await listTranslationsOf(actor, profile);
  // Translations are made from the source, not from another translation.
  const mayTranslate = !profile.sourceId && judgeStartTranslation(actor, profile) === 'allowed';
  const tr = await getTranslations('translations');
  const badge = { complete: 'badge--ok', partial: 'badge--warn', empty: 'badge--off' } as const;
  // A focal point or reviewer back after changes were requested: which sections changed since (none in a first round).
  const sinceReview = reviewsProfile(actor, profile) ? await changesSinceReview(actor, profile.id) : null;
  const changedSince = new Set(sinceReview?.changedSections ?? []);
  const sr = await getTranslations('sinceReview');
  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link href={`/jurisdictions/${profile.jurisdictionSlug}`}>← {profile.jurisdictionName}</Link>
        </p>
        <div className="page-header">
          <div>
            <h1 lang={profile.language}>{profile.title}</h1>
            <p>
              <span className="badge">{t(`state.${profile.state}`)}</span> · {t(`languages.${profile.language}`)} ·{' '}
              <span data-testid="progress">{t('progress', { done })}</span> ·{' '}
              <span data-testid="accepted">{r('allAccepted', { n: accepted })}</span> ·{' '}
              <Link href={`/assessments/${profile.id}/comments`} data-testid="open-comments">
                {c('openCount', { n: totalOpen })}
              </Link>
              {consultation && (
                <>
                  {' '}
                  ·{' '}
                  <Link href={`/assessments/${profile.id}/consultation`} data-testid="consultation-link">
                    {cs('link')}
                  </Link>
                </>
              )}
            </p>
          </div>
        </div>
      </div>
      {translation && (
        <div className={`notice ${staleTotal > 0 ? 'notice--error' : 'notice--info'}`} data-testid="translation-of">
          {translation.source.visible ? (
            <p style={{ margin: 0 }}>
              {tr.rich('translationOf', {
                title: translation.source.title,
                source: (chunks) => (
                  <Link href={`/assessments/${translation.source.id}`} lang={translation.source.language}>
                    {chunks}
                  </Link>
                ),
              })}{' '}
              ({t(`languages.${translation.source.language}`)})
            </p>
          ) : (
            <p style={{ margin: 0 }}>{tr('sourceHidden')}</p>
          )}
          <p style={{ margin: '0.25rem 0 0' }} data-testid="stale-total">
            {tr('staleTotal', { n: staleTotal })}
          </p>
          {untranslated > 0 && (
            <p style={{ margin: '0.25rem 0 0' }} data-testid="untranslated-total">
              {tr('untranslatedTotal', { n: untranslated })}
            </p>
          )}
        </div>
      )}
      {sinceReview && (
        <p className="notice notice--info" data-testid="since-review-notice">
          {sr('overviewNotice', {
            when: format.dateTime(sinceReview.since, { dateStyle: 'medium', timeStyle: 'short' }),
            name: sinceReview.requestedByName ?? '—',
            n: changedSince.size,
          })}
        </p>
      )}
      {canEdit ? (
        <section className="card">
          <ClientIntl>
            <TitleForm id={profile.id} title={profile.title} />
          </ClientIntl>
        </section>
      ) : (
        <p className="notice notice--info" data-testid="read-only-why">
          {editsInDraft ? t('readOnlyUntilDraft', { state: t(`state.${profile.state}`) }) : t('readOnly')}
        </p>
      )}
      <div className="two-col">
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">{t('overview')}</h2>
        <ol className="domain-overview">
          {progress.map((p) => {
            const name = p.section === 'introduction' ? t('introduction') : domainName(p.section, ui);
            return (
              <li key={p.section} className="domain-overview__item" data-testid={`overview-${p.section}`}>
                <div>
                  <Link href={`/assessments/${profile.id}/sections/${p.section}`} className="domain-overview__name">
                    {name}
                  </Link>
                  <div className="small muted">
                    {p.lastChangedAt && p.lastChangedBy
                      ? t('lastChanged', { name: p.lastChangedBy, when: format.relativeTime(p.lastChangedAt) })
                      : untouched(p.section)}
                  </div>
                </div>
                <span className="chips">
                  {changedSince.has(p.section) && (
                    <Link href={`/assessments/${profile.id}/sections/${p.section}#since-review`} className="badge badge--changed" data-testid="changed-since-review">
                      {sr('badge')}
                    </Link>
                  )}
                  {readBy(p.section) && <ReadBySummary summary={readBy(p.section)!} href={`/assessments/${profile.id}/consultation#consultation-${p.section}`} />}
                  {(staleBySection[p.section] ?? 0) > 0 && (
                    <Link href={`/assessments/${profile.id}/sections/${p.section}`} className="badge badge--danger" data-testid="stale-count">
                      {tr('staleCount', { n: staleBySection[p.section] ?? 0 })}
                    </Link>
                  )}
                  {(openSuggestions[p.section] ?? 0) > 0 && (
                    <Link href={`/assessments/${profile.id}/sections/${p.section}`} className="badge badge--warn" data-testid="suggestion-count">
                      {sg('overviewCount', { n: openSuggestions[p.section] ?? 0 })}
                    </Link>
                  )}
                  {(openComments[p.section] ?? 0) > 0 && (
                    <Link href={`/assessments/${profile.id}/sections/${p.section}#comments-${p.section}`} className="badge badge--comment" data-testid="comment-count">
                      {c('overviewCount', { n: openComments[p.section] ?? 0 })}
                    </Link>
                  )}
                  {reviews
                    .filter((x) => x.domain === p.section)
                    .map((x) => (
                      <span key={x.domain} className={`badge ${x.decision === 'accepted' ? 'badge--ok' : 'badge--danger'}`}>
                        {r(x.decision)}
                      </span>
                    ))}
                  <span className={`badge ${badge[p.completeness]}`}>{t(p.completeness)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      </section>
      <div className="stack">
        {canEdit && <BulkSuggestionDecision assessmentId={profile.id} open={suggestionsTotal} />}
        <section className="card" aria-labelledby="workflow-title" data-testid="workflow">
          <h2 id="workflow-title">{w('title')}</h2>
          {plan && <PublicationPlanNote plan={plan} />}
          {profile.state === 'published' && <PublishedAs actor={actor} id={profile.id} />}
          <ClientIntl>
            <WorkflowPanel id={profile.id} actions={abilities.actions} idle={abilities.idle} approveBlockedByOwnEdit={abilities.approveBlockedByOwnEdit} />
          </ClientIntl>
        </section>
        {(translations.length > 0 || mayTranslate) && (
          <section className="card" aria-labelledby="translations-title" data-testid="translations">
            <h2 id="translations-title">{tr('title')}</h2>
            {translations.length > 0 && (
              <ul className="list-plain">
                {translations.map((x) => (
                  <li key={x.id}>
                    <Link href={`/assessments/${x.id}`} lang={x.language}>
                      {x.title}
                    </Link>{' '}
                    <span className="small muted">
                      {t(`languages.${x.language}`)} · {t(`state.${x.state}`)}
                    </span>{' '}
                    {x.stale > 0 && <span className="badge badge--danger">{tr('staleCount', { n: x.stale })}</span>}
                  </li>
                ))}
              </ul>
            )}
            {mayTranslate && (
              <StartTranslationForm
                id={profile.id}
                languages={translationLanguages(profile.language).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                labels={{ help: tr('startHelp'), language: tr('language'), submit: tr('startButton'), openIt: tr('openIt') }}
              />
            )}
          </section>
        )}
        <section className="card" aria-labelledby="history-title" data-testid="workflow-history">
          <h2 id="history-title">{w('history')}</h2>
          <ol className="list-plain timeline">
            {/* Where the round began: a first draft starts with it, not with an empty history. */}
            <li>
              <div className="small">
                {basedOnLabel
                  ? w('startedFrom', { label: basedOnLabel, when: format.dateTime(profile.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })
                  : w('started', { when: format.dateTime(profile.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
              </div>
            </li>
            {history.map((h) => (
              <li key={h.id}>
                <div>
                  <div className="small">
                    {w('entry', {
                      name: h.actorName ?? '—',
                      action: w(`actions.${h.action as 'submit'}`),
                      when: format.dateTime(h.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    })}
                  </div>
                  {h.note && <blockquote className="timeline__note">{h.note}</blockquote>}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      </div>
    </div>
  );
}
