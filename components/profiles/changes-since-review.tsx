import { getFormatter, getTranslations } from 'next-intl/server';
import { DiffView } from '@/components/profiles/diff-view';
import type { ChangesSinceReview as Changes, SuggestionSince } from '@/lib/data/changes-since-review';
import { partsOf, type SectionKey } from '@/lib/domain/profile';
import { getSuggestionWords } from '@/lib/i18n/suggestion-words';

/**
 * On a section's page, for a focal point or reviewer coming back after changes
 * were requested: per part, the word-level diff from the text they reviewed,
 * and what became of their own suggestions and comment threads there. Each part
 * is a <details> (keyboard and screen readers know it), open when there is news.
 */
export async function ChangesSinceReview({ changes, section, language }: { changes: Changes; section: SectionKey; language: string }) {
  const t = await getTranslations('sinceReview');
  const p = await getTranslations('profiles');
  const described = await getSuggestionWords();
  const format = await getFormatter();
  const status = (s: SuggestionSince) =>
    s.status === 'open' ? t('suggestionOpen') : t(s.status === 'accepted' ? 'suggestionAccepted' : 'suggestionRejected', { name: s.deciderName ?? '—' });
  return (
    <section className="card since-review" id="since-review" aria-labelledby="since-review-title" data-testid="since-review">
      <h2 id="since-review-title">{t('title')}</h2>
      <p className="small muted">{t('intro', { when: format.dateTime(changes.since, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      {partsOf(section).map((part) => {
        const change = changes.parts.find((c) => c.section === section && c.part === part);
        if (!change) return null;
        const suggestions = changes.suggestions.filter((s) => s.section === section && s.part === part);
        const threads = changes.threads.filter((x) => x.section === section && x.part === part);
        const label = p(`parts.${part}`);
        return (
          <details key={part} className="since-review__part" open={change.changed || suggestions.length > 0 || threads.length > 0} data-testid={`since-review-${section}-${part}`}>
            <summary>
              <span className="since-review__heading">
                {label}{' '}
                <span className={`badge ${change.changed ? 'badge--changed' : 'badge--off'}`}>{change.changed ? t('changed') : t('unchanged')}</span>
              </span>
            </summary>
            <div className="since-review__body">
              {change.changed ? (
                <DiffView pieces={change.pieces} label={t('diffLabel', { part: label })} lang={language} marks={{ added: t('added'), removed: t('removed') }} />
              ) : (
                <p className="small muted" style={{ margin: 0 }}>
                  {t('noChange')}
                </p>
              )}
              {suggestions.length > 0 && (
                <div>
                  <h4>{t('yourSuggestions')}</h4>
                  <ul className="since-review__items" data-testid="since-review-suggestions">
                    {suggestions.map((s) => (
                      <li key={s.suggestionId}>
                        <span className={`badge ${s.status === 'accepted' ? 'badge--ok' : s.status === 'rejected' ? 'badge--danger' : 'badge--warn'}`}>{status(s)}</span>{' '}
                        <span lang={language}>{described(s)}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {threads.length > 0 && (
                <div>
                  <h4>{t('yourComments')}</h4>
                  <ul className="since-review__items" data-testid="since-review-threads">
                    {threads.map((x) => (
                      <li key={x.id}>
                        <span className={`badge ${x.outcome === 'waiting' ? 'badge--off' : 'badge--ok'}`}>
                          {x.outcome === 'resolved'
                            ? t('threadResolved', { name: x.resolvedByName ?? '—' })
                            : x.outcome === 'answered'
                              ? t('threadAnswered', { name: x.reply?.authorName ?? '—' })
                              : t('threadWaiting')}
                        </span>{' '}
                        <q lang={language}>{x.quote}</q>
                        {x.reply && (
                          <blockquote className="timeline__note" style={{ margin: '0.3rem 0 0' }}>
                            {x.reply.body}
                          </blockquote>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </details>
        );
      })}
    </section>
  );
}
