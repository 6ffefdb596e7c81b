import type { JSONContent } from '@tiptap/react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PartEditorLoader } from '@/components/editor/part-editor-loader';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { collabDocName } from '@/lib/collab/protocol';
import { getAssessment } from '@/lib/data/assessments';
import { domainDescriptions } from '@/lib/domain/domain-descriptions';
import { renderDocHtml } from '@/lib/domain/editor/render-html';
import { isLocale, type Locale } from '@/lib/domain/locales';
import { domainName, isDomainKey, partsOf, sectionKeys, type PartKey, type SectionKey } from '@/lib/domain/profile';
import { allowedCommentActions, canOnAssessment, judgeDomainReview, judgeSuggest, reviewsProfile } from '@/lib/policy';
import { CommentHighlights } from '@/components/comments/comment-highlights';
import { CommentPanel } from '@/components/comments/comment-panel';
import { PassageCommenter } from '@/components/comments/passage-commenter';
import { listThreads } from '@/lib/data/comments-read';
import { getCommentLabels } from '@/lib/i18n/comment-labels';
import { DomainReviewForm } from '@/components/profiles/domain-review-form';
import { listDomainReviews } from '@/lib/data/domain-reviews';
import { getEditorLabels } from '@/lib/i18n/editor-labels';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';
import { getAssessmentHeader } from '@/lib/data/assessments';
import { sourceTextAt, translationState } from '@/lib/data/translations';
import { diffDocs } from '@/lib/domain/word-diff';
import { DiffView } from '@/components/profiles/diff-view';
import { ActionButton } from '@/components/forms/action-button';
import { markUpToDateAction } from '@/lib/actions/translations';
import { BulkSuggestionDecision } from '@/components/editor/bulk-suggestion-decision';
import { listOpenSuggestions } from '@/lib/data/suggestions';
import { changesSinceReview } from '@/lib/data/changes-since-review';
import { ChangesSinceReview } from '@/components/profiles/changes-since-review';
import { recordSectionRead } from '@/lib/data/consultation';
import { isPrefetch } from '@/lib/http/is-prefetch';

export async function generateMetadata({ params }: { params: Promise<{ id: string; section: string }> }): Promise<Metadata> {
  const { id, section } = await params;
  const t = await getTranslations('profiles');
  const ui = await getLocale();
  const where = isDomainKey(section) ? domainName(section, isLocale(ui) ? ui : 'en') : section === 'introduction' ? t('introduction') : t('title');
  return titleFrom(async (actor) => `${where} · ${(await getAssessmentHeader(actor, id)).title}`, where);
}

export default async function SectionPage({ params, searchParams }: { params: Promise<{ id: string; section: string }>; searchParams: Promise<{ mode?: string }> }) {
  const { id, section } = await params;
  const { mode } = await searchParams;
  const actor = await requireActor(`/assessments/${id}/sections/${section}`);
  if (!z.uuid().safeParse(id).success || !(sectionKeys as readonly string[]).includes(section)) notFound();
  const key = section as SectionKey;
  const profile = await orNotFound(getAssessment(actor, id));
  const canEdit = canOnAssessment(actor, 'edit', profile);
  // A focal point or reviewer who opens the section in review has read it (the consultation page shows who has).
  if (!(await isPrefetch())) await recordSectionRead(actor, profile, key);
  const t = await getTranslations('profiles');
  const uiLocale = await getLocale();
  const ui: Locale = isLocale(uiLocale) ? uiLocale : 'en';
  const name = (s: SectionKey) => (s === 'introduction' ? t('introduction') : domainName(s, ui));
  const index = sectionKeys.indexOf(key);
  const previous = sectionKeys[index - 1];
  const next = sectionKeys[index + 1];
  // Focal points and reviewers in a review read the text, and open the editor to suggest changes when
  // they choose to (?mode=suggest): only then is their live connection writable, held to suggestions
  // by the server (server/collab.ts).
  const maySuggest = !canEdit && judgeSuggest(actor, profile) === 'allowed';
  const suggesting = maySuggest && mode === 'suggest';
  const labels = canEdit || suggesting ? await getEditorLabels() : null;
  const s = await getTranslations('editor.suggest');
  const mark = key === 'introduction' ? undefined : (await listDomainReviews(actor, id)).find((r) => r.domain === key);
  const canReview = key !== 'introduction' && judgeDomainReview(actor, profile) === 'allowed';
  const r = await getTranslations('review');
  const scope = profile.jurisdictionLevel === 'country' ? 'national' : 'local';
  const threads = await listThreads(actor, id, key);
  const commenting = allowedCommentActions(actor, profile);
  const commentLabels = await getCommentLabels();
  // A translation is written beside its source, part by part.
  const translation = await translationState(actor, profile);
  const tr = await getTranslations('translations');
  const sourceOf = async (part: string) => {
    const standing = translation?.parts.find((p) => p.section === key && p.part === part);
    if (!translation || !standing || !translation.source.visible) return null;
    const sourceRef = { assessmentId: translation.source.id, section: key, part: part as PartKey };
    const diff = standing.stale && standing.sourceRevision !== null ? diffDocs(await sourceTextAt(actor, sourceRef, standing.sourceRevision), standing.sourceDoc) : null;
    return { standing, html: renderDocHtml(standing.sourceDoc), diff };
  };
  // Deciding them all at once: for those who may edit (the buttons show while some are open here).
  const openHere = canEdit ? (await listOpenSuggestions(actor, id)).filter((x) => x.section === key).length : 0;
  // A focal point or reviewer back after changes were requested: what changed here since (none in a first round).
  const sinceReview = reviewsProfile(actor, profile) ? await changesSinceReview(actor, id) : null;
  const sources = Object.fromEntries(await Promise.all(partsOf(key).map(async (part) => [part, await sourceOf(part)] as const)));

  return (
    <div className={`section-layout${translation?.source.visible ? ' section-layout--translation' : ''}`}>
      <CommentHighlights openThreadIds={threads.filter((x) => x.status === 'open').map((x) => x.id)} />
      <div className="stack section-layout__main">
        <div>
          <p className="breadcrumb">
            <Link href={`/assessments/${id}`}>← {t('back')}</Link>
          </p>
          <h1>{name(key)}</h1>
          <p className="muted" lang={profile.language}>
            {profile.title}
          </p>
          {key !== 'introduction' && <p className="muted small">{domainDescriptions[key][scope][ui]}</p>}
          {!canEdit && !maySuggest && <p className="notice notice--info">{t('readOnly')}</p>}
          {maySuggest && (
            <p className="suggest-switch">
              {suggesting ? (
                <Link className="button button--secondary button--small" href={`/assessments/${id}/sections/${key}`}>
                  {s('stopSuggesting')}
                </Link>
              ) : (
                <Link className="button button--small" href={`/assessments/${id}/sections/${key}?mode=suggest`} data-testid="start-suggesting">
                  {s('startSuggesting')}
                </Link>
              )}
            </p>
          )}
          {mark && (
            <div className={`notice ${mark.decision === 'accepted' ? 'notice--ok' : 'notice--error'}`} data-testid="domain-mark">
              <strong>{r('markBy', { decision: r(mark.decision), name: mark.reviewerName ?? '—' })}</strong>
              {mark.note && <p style={{ margin: '0.25rem 0 0', whiteSpace: 'pre-wrap' }}>{mark.note}</p>}
            </div>
          )}
        </div>
        {sinceReview && <ChangesSinceReview changes={sinceReview} section={key} language={profile.language} />}
        {partsOf(key).map((part) => {
          const stored = profile.parts.find((p) => p.section === key && p.part === part);
          const label = t(`parts.${part}`);
          if (!stored) return null;
          const source = sources[part];
          const written = labels ? (
            <PartEditorLoader
              key={part}
              assessmentId={id}
              section={key}
              part={part}
              label={label}
              language={profile.language}
              initialDoc={stored.doc as JSONContent}
              initialSavedAt={stored.updatedAt?.toISOString() ?? null}
              labels={labels}
              commentLabels={commenting.includes('start') ? commentLabels : undefined}
              mayEdit={canEdit}
              me={{ id: actor.userId, name: actor.name }}
            />
          ) : (
            <section key={part} className="part-editor" aria-labelledby={`part-${part}`}>
              <div className="part-editor__header">
                <h2 className="part-editor__label" id={`part-${part}`}>
                  {label}
                </h2>
              </div>
              <PassageCommenter
                assessmentId={id}
                section={key}
                part={part}
                language={profile.language}
                html={renderDocHtml(stored.doc, { suggestions: 'inline' })}
                liveDocName={collabDocName({ assessmentId: id, section: key, part })}
                canStart={commenting.includes('start')}
                labels={commentLabels}
              />
            </section>
          );
          if (!source || !translation) return written;
          const { standing } = source;
          return (
            <div key={part} className="translation-pair" data-testid={`pair-${key}-${part}`}>
              <section className="translation-pair__source" aria-labelledby={`source-${part}`} data-testid={`source-${key}-${part}`}>
                <h2 className="translation-pair__label" id={`source-${part}`}>
                  {label} · {tr('source', { language: t(`languages.${translation.source.language}`) })}
                </h2>
                <div className="rendered-part" lang={translation.source.language} dangerouslySetInnerHTML={{ __html: source.html }} />
              </section>
              <div className="translation-pair__target">
                {standing.stale ? (
                  <div className="notice notice--error translation-pair__flag" data-testid={`stale-${key}-${part}`}>
                    <strong>{tr('stale')}</strong>
                    {source.diff && (
                      <details open>
                        <summary>{tr('diffTitle')}</summary>
                        <div className="diff diff--compact" data-testid={`source-diff-${key}-${part}`}>
                          <div>
                            <h3 className="small">{tr('before')}</h3>
                            <DiffView pieces={source.diff.left} label={tr('before')} lang={translation.source.language} />
                          </div>
                          <div>
                            <h3 className="small">{tr('now')}</h3>
                            <DiffView pieces={source.diff.right} label={tr('now')} lang={translation.source.language} />
                          </div>
                        </div>
                      </details>
                    )}
                    {canEdit && (
                      <ActionButton
                        action={markUpToDateAction}
                        fields={{ id, section: key, part, seen: String(standing.sourceTextRevision) }}
                        label={tr('markUpToDate')}
                      />
                    )}
                  </div>
                ) : (
                  <p className="small muted translation-pair__ok" role="status" data-testid={`current-${key}-${part}`}>
                    ✓ {tr('upToDate')}
                  </p>
                )}
                {written}
              </div>
            </div>
          );
        })}
        {canEdit && <BulkSuggestionDecision assessmentId={id} section={key} open={openHere} />}
        {canReview && (
          <section className="card" data-testid="domain-review">
            <DomainReviewForm
              id={id}
              domain={key}
              labels={{ title: r('title'), note: r('note'), noteHelp: r('noteHelp'), accept: r('accept'), requestChanges: r('requestChanges') }}
            />
          </section>
        )}
        <nav className="section-nav" aria-label={t('overview')}>
          {previous ? <Link href={`/assessments/${id}/sections/${previous}`}>← {name(previous)}</Link> : <span />}
          {next ? <Link href={`/assessments/${id}/sections/${next}`}>{name(next)} →</Link> : <span />}
        </nav>
      </div>
      <aside className="section-layout__aside">
        <CommentPanel id={id} section={key} language={profile.language} threads={threads} allowed={commenting} labels={commentLabels} />
      </aside>
    </div>
  );
}
