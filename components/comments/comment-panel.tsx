import { getFormatter, getTranslations } from 'next-intl/server';
import type { ThreadView } from '@/lib/data/comments-read';
import type { CommentAction } from '@/lib/policy';
import type { CommentLabels } from './labels';
import { ThreadActions } from './thread-actions';

interface Props {
  id: string;
  section: string;
  language: string;
  threads: ThreadView[];
  allowed: CommentAction[];
  labels: CommentLabels;
  /** Shown when the thread list spans several sections. */
  sectionName?: (section: ThreadView['section']) => string;
  headingLevel?: 2 | 3;
}

/**
 * The threads of a section: open ones first, resolved ones folded away. Each
 * thread quotes its passage (kept even when the passage is deleted from the
 * text); hovering or focusing a thread outlines its passage (see
 * CommentHighlights).
 */
export async function CommentPanel({ id, section, language, threads, allowed, labels, sectionName, headingLevel = 2 }: Props) {
  const t = await getTranslations('comments');
  const p = await getTranslations('profiles');
  const format = await getFormatter();
  const open = threads.filter((x) => x.status === 'open');
  const resolved = threads.filter((x) => x.status === 'resolved');
  const Heading = `h${headingLevel}` as const;

  const render = (thread: ThreadView) => (
    <li key={thread.id}>
      <article id={`thread-${thread.id}`} className={`thread thread--${thread.status}`} tabIndex={-1} aria-label={t('showInText', { part: p(`parts.${thread.part}`) })} data-testid="thread">
        <p className="thread__where muted small">
          {sectionName ? `${sectionName(thread.section)} · ` : ''}
          {p(`parts.${thread.part}`)}
        </p>
        <blockquote className={`thread__quote ${thread.anchored ? '' : 'thread__quote--gone'}`} lang={language}>
          {thread.quote}
        </blockquote>
        {!thread.anchored && <p className="muted small">{t('passageGone')}</p>}
        <ol className="thread__comments">
          {thread.comments.map((c) => (
            <li key={c.id} className="thread__comment">
              <p className="thread__meta">
                <strong>{c.authorName ?? '—'}</strong> <time dateTime={c.createdAt.toISOString()}>{format.dateTime(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
              </p>
              <p className="thread__body">{c.body}</p>
            </li>
          ))}
        </ol>
        {thread.status === 'resolved' && <p className="muted small">{t('resolvedBy', { name: thread.resolvedByName ?? '—' })}</p>}
        {(allowed.includes('reply') || allowed.includes('resolve')) && (
          <ThreadActions
            id={id}
            section={thread.section}
            threadId={thread.id}
            status={thread.status}
            canReply={allowed.includes('reply')}
            canResolve={allowed.includes('resolve')}
            labels={labels}
          />
        )}
      </article>
    </li>
  );

  return (
    <section className="comments-panel" aria-labelledby={`comments-${section}`} data-testid="comment-panel">
      <Heading id={`comments-${section}`} className="comments-panel__title">
        {t('title')} <span className="badge">{t('openCount', { n: open.length })}</span>
      </Heading>
      {threads.length === 0 && <p className="muted small">{allowed.includes('start') ? t('howTo') : t('none')}</p>}
      {threads.length > 0 && open.length === 0 && allowed.includes('start') && <p className="muted small">{t('howTo')}</p>}
      {open.length > 0 && <ol className="thread-list">{open.map(render)}</ol>}
      {resolved.length > 0 && (
        <details className="comments-panel__resolved">
          <summary>{t('resolvedThreads', { n: resolved.length })}</summary>
          <ol className="thread-list">{resolved.map(render)}</ol>
        </details>
      )}
    </section>
  );
}
