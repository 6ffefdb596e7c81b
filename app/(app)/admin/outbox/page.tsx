import { getFormatter, getTranslations } from 'next-intl/server';
import { requireAbility } from '@/lib/auth/require-admin';
import { listOutbox } from '@/lib/data/email-outbox';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('outbox') };
}

export default async function OutboxPage() {
  const actor = await requireAbility('view_admin', '/admin/outbox');
  const rows = await listOutbox(actor);
  const t = await getTranslations('inbox');
  const format = await getFormatter();
  return (
    <div className="stack">
      <div>
        <h1>{t('outbox')}</h1>
        <p className="muted">{t('outboxHelp')}</p>
      </div>
      <div className="card table-wrap">
        <table className="table table--stack" data-testid="outbox">
          <thead>
            <tr>
              <th scope="col">{t('to')}</th>
              <th scope="col">{t('subject')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td data-label={t('to')}>{r.toEmail}</td>
                <td data-label={t('subject')}>
                  {r.subject}
                  <div className="small muted">{format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</div>
                  {r.body !== null ? (
                    <details className="outbox__email">
                      <summary>{t('readEmail')}</summary>
                      <pre className="outbox__body">{r.body}</pre>
                    </details>
                  ) : (
                    <div className="small muted">{t('confidentialBody')}</div>
                  )}
                </td>
                <td data-label={t('status')}>
                  {r.sentAt ? <span className="badge badge--ok">{t('sent')}</span> : <span className="badge badge--warn">{t('waiting')}</span>}
                  {r.attempts > 0 && !r.sentAt && <div className="small muted">{t('attempts', { n: r.attempts })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
