import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { markAllReadAction } from '@/lib/actions/inbox';
import { requireActor } from '@/lib/auth/current-actor';
import { listNotifications } from '@/lib/data/notifications';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}

export default async function InboxPage() {
  const actor = await requireActor('/inbox');
  const items = await listNotifications(actor);
  const t = await getTranslations('inbox');
  const format = await getFormatter();
  const unread = items.filter((i) => !i.readAt).length;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('unread', { n: unread })}</p>
        </div>
        {unread > 0 && <ActionButton action={markAllReadAction} fields={{}} label={t('markAllRead')} className="button--secondary" />}
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <ul className="list-plain" data-testid="inbox">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? '' : 'unread'}>
                <div>
                  <div>
                    {!n.readAt && <span className="badge badge--warn">•</span>}{' '}
                    {t(`kinds.${n.kind as 'submitted'}`, { name: n.actorName ?? '—' })}
                    {n.assessmentId && (
                      <>
                        {': '}
                        <Link href={`/assessments/${n.assessmentId}`}>{n.title}</Link>
                      </>
                    )}
                  </div>
                  {n.note && <blockquote className="timeline__note">{n.note}</blockquote>}
                  <div className="small muted">{format.relativeTime(n.createdAt)}</div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
