import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ActionButton } from '@/components/forms/action-button';
import { DiffView } from '@/components/profiles/diff-view';
import { restoreRevisionAction } from '@/lib/actions/revisions';
import { requireActor } from '@/lib/auth/current-actor';
import { orNotFound } from '@/lib/auth/load-or-404';
import { getAssessment } from '@/lib/data/assessments';
import { getPartRevision, getPartStart, listPartRevisions } from '@/lib/data/parts';
import { listSuggestionDecisions } from '@/lib/data/suggestions';
import { editionLabel } from '@/lib/domain/edition';
import { previousRevision } from '@/lib/domain/revision-pairs';
import { isSlot, type PartKey } from '@/lib/domain/profile';
import { diffDocs } from '@/lib/domain/word-diff';
import { getSuggestionWords } from '@/lib/i18n/suggestion-words';
import { canOnAssessment } from '@/lib/policy';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';
import { getAssessmentHeader } from '@/lib/data/assessments';

type Params = { id: string; section: string; part: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id, section, part } = await params;
  const p = await getTranslations('profiles');
  const t = await getTranslations('history');
  const where = isSlot(section, part) ? t('title', { part: p(`parts.${part}`) }) : p('history');
  return titleFrom(async (actor) => `${where} · ${(await getAssessmentHeader(actor, id)).title}`, where);
}

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ left?: string; right?: string }>;
}) {
  const { id, section, part } = await params;
  const actor = await requireActor(`/assessments/${id}/sections/${section}/${part}/history`);
  if (!z.uuid().safeParse(id).success || !isSlot(section, part)) notFound();
  const ref = { assessmentId: id, section, part: part as PartKey };
  const profile = await orNotFound(getAssessment(actor, id));
  const revisions = await listPartRevisions(actor, ref);
  const start = await getPartStart(actor, ref);
  const current = profile.parts.find((p) => p.section === section && p.part === part)!;
  const t = await getTranslations('history');
  const p = await getTranslations('profiles');
  const format = await getFormatter();
  const query = await searchParams;
  const newest = revisions[0]?.revision ?? 0;
  // Revision 0 (the starting copy) is a real choice: only a missing or malformed number falls back.
  const chosen = (raw: string | undefined) => (raw !== undefined && /^\d{1,9}$/.test(raw) ? Number(raw) : null);
  const stored = revisions.map((r) => r.revision);
  const right = chosen(query.right) ?? newest;
  // The stored revision before it: numbers have gaps (a comment anchored moves the number on).
  const left = chosen(query.left) ?? previousRevision(stored, right);
  const load = async (n: number) => (n > 0 ? (await orNotFound(getPartRevision(actor, ref, n))).doc : start.doc);
  // Revision 0 is the text the round started from: the last edition's copy, or nothing.
  const startName = start.edition ? t('startEdition', { label: editionLabel(start.edition.year, start.edition.month, await getLocale()) }) : t('startEmpty');
  const name = (n: number) => (n === 0 ? startName : t('revision', { revision: n }));
  const diff = revisions.length > 0 ? diffDocs(await load(left), await load(right)) : null;
  const canEdit = canOnAssessment(actor, 'edit', profile);
  const options = [...revisions.map((r) => r.revision), 0];
  const decisions = await listSuggestionDecisions(actor, ref);
  const s = await getTranslations('suggestions');
  const suggested = await getSuggestionWords();

  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link href={`/assessments/${id}/sections/${section}`}>← {p('back')}</Link>
        </p>
        <h1>{t('title', { part: p(`parts.${part}`) })}</h1>
        <p className="muted" lang={profile.language}>{profile.title}</p>
      </div>
      {revisions.length === 0 && <p className="card muted">{t('none')}</p>}
      {revisions.length > 0 && (
        <>
          {/* Keyed by what is shown: after a restore the page comes back with new revisions, and the selects must say so. */}
          <form className="card form-row" method="get" aria-label={t('compare')} key={`${left}-${right}`}>
            {(['left', 'right'] as const).map((side) => (
              <div className="field" key={side}>
                <label htmlFor={`rev-${side}`}>{t(side)}</label>
                <select id={`rev-${side}`} name={side} defaultValue={String(side === 'left' ? left : right)}>
                  {options.map((n) => (
                    <option key={n} value={n}>
                      {name(n)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div className="field" style={{ alignSelf: 'end' }}>
              <button className="button button--secondary" type="submit">
                {t('show')}
              </button>
            </div>
          </form>
          {diff && (
            <div className="diff" data-testid="diff">
              <section className="card">
                <h2>{name(left)}</h2>
                <DiffView pieces={diff.left} label={t('left')} lang={profile.language} />
              </section>
              <section className="card">
                <h2>{name(right)}</h2>
                <DiffView pieces={diff.right} label={t('right')} lang={profile.language} />
              </section>
            </div>
          )}
        </>
      )}
      {decisions.length > 0 && (
        <section className="card" aria-labelledby="suggestion-decisions" data-testid="suggestion-decisions">
          <h2 id="suggestion-decisions">{s('historyTitle')}</h2>
          <ol className="list-plain">
            {decisions.map((d) => (
              <li key={`${d.suggestionId}-${d.decidedAt.toISOString()}`}>
                <span>
                  <strong>{s('historyLine', { decision: s(d.decision === 'accepted' ? 'accepted_word' : 'rejected_word'), decider: d.deciderName ?? '—', author: d.authorName ?? '—' })}</strong>
                  <br />
                  <span lang={profile.language}>{suggested(d)}</span>{' '}
                  <span className="muted small">
                    <time dateTime={d.decidedAt.toISOString()}>{format.dateTime(d.decidedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                    {d.revision ? ` · ${s('revision', { revision: d.revision })}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className="card" aria-labelledby="revisions">
        <h2 id="revisions">{p('history')}</h2>
        <ol className="list-plain">
          {revisions.map((r) => (
            <li key={r.revision}>
              <span>
                <strong>{t('revision', { revision: r.revision })}</strong>{' '}
                <span className="muted small">
                  {t.rich('by', {
                    name: r.authorName ?? '—',
                    // A machine-readable time beside the words, as the inbox and the comments give.
                    when: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                    time: (words) => <time dateTime={r.createdAt.toISOString()}>{words}</time>,
                  })}
                  {r.restoredFrom ? ` · ${t('restoredFrom', { revision: r.restoredFrom })}` : ''}
                  {r.rewords === false ? <span data-testid="suggestions-only">{` · ${t('suggestionsOnly')}`}</span> : ''}
                </span>
              </span>
              <span className="actions">
                {/* What this revision changed: it against the one before (the starting copy for the first). */}
                {!(left === previousRevision(stored, r.revision) && right === r.revision) && (
                  <Link className="button button--small button--quiet" href={`/assessments/${id}/sections/${section}/${part}/history?left=${previousRevision(stored, r.revision)}&right=${r.revision}`} aria-label={`${t('showChanges')}: ${t('revision', { revision: r.revision })}`}>
                    {t('showChanges')}
                  </Link>
                )}
                {canEdit && r.revision !== current.revision && (
                  <ActionButton
                    action={restoreRevisionAction}
                    fields={{ id, section, part, revision: String(r.revision), baseRevision: String(current.revision) }}
                    label={t('restore')}
                    className="button--secondary"
                  />
                )}
              </span>
            </li>
          ))}
          <li data-testid="revision-start">
            <span>
              <strong>{startName}</strong>
            </span>
          </li>
        </ol>
      </section>
    </div>
  );
}
