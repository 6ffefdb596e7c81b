import { getTranslations } from 'next-intl/server';
import type { ConsultationRow } from '@/lib/domain/consultation';

/**
 * One section's consulted people and what they did there. Every cell says what
 * it means in words (not only a tick or a colour); on a phone each person's row
 * stacks, its cells labelled (`.table--stack`).
 */
export async function ConsultationTable({ rows, caption, when }: { rows: ConsultationRow[]; caption: string; when: (d: Date) => string }) {
  const t = await getTranslations('consultation');
  const roles = await getTranslations('roles');
  return (
    <div className="table-wrap">
      <table className="table table--stack consultation-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPerson')}</th>
            <th scope="col">{t('colRead')}</th>
            <th scope="col">{t('colComments')}</th>
            <th scope="col">{t('colSuggestions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ person, read, comments, suggestions }) => (
            <tr key={person.userId} className={person.ended ? 'consultation-table__ended' : undefined} data-testid="consulted-person" data-name={person.name}>
              <th scope="row" className="consultation-table__who">
                <span className="consultation-table__name">{person.name}</span>
                <span className="small muted">
                  {' '}
                  {roles(person.role)}
                  {person.organisation ? ` · ${person.organisation}` : ''}
                </span>
                {person.ended && <span className="badge badge--off">{t(person.ended)}</span>}
                {!person.ended && person.pending && <span className="badge badge--off">{t('pending')}</span>}
              </th>
              <td data-label={t('colRead')} data-testid="read">
                {read ? (
                  <>
                    <span className="consultation-table__yes">✓ {t('read', { when: when(read.lastAt) })}</span>
                    {when(read.firstAt) !== when(read.lastAt) && <span className="small muted"> ({t('firstRead', { when: when(read.firstAt) })})</span>}
                  </>
                ) : (
                  <span className="muted">{t('notRead')}</span>
                )}
              </td>
              <td data-label={t('colComments')} data-testid="comments">
                <span className={comments.count > 0 ? undefined : 'muted'}>{t('comments', { n: comments.count })}</span>
                {comments.lastAt && <span className="small muted"> · {t('lastAt', { when: when(comments.lastAt) })}</span>}
              </td>
              <td data-label={t('colSuggestions')} data-testid="suggestions">
                <span className={suggestions.open + suggestions.decided > 0 ? undefined : 'muted'}>{t('suggestions', { n: suggestions.open + suggestions.decided })}</span>
                {suggestions.open + suggestions.decided > 0 && <span className="small muted"> ({t('suggestionsSplit', { open: suggestions.open, decided: suggestions.decided })})</span>}
                {suggestions.lastAt && <span className="small muted"> · {t('lastAt', { when: when(suggestions.lastAt) })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
