import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { markAllReadAction } from '@/lib/actions/inbox';
import { requireActor } from '@/lib/auth/current-actor';
import { countUnread, listNotifications } from '@/lib/data/notifications';
import { editionLabel } from '@/lib/domain/edition';
import { domainName, isDomainKey } from '@/lib/domain/profile';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('inbox'))('title') };
}

export default async function InboxPage() {
  const actor = await requireActor('/inbox');
  const [items, unread] = await Promise.all([listNotifications(actor), countUnread(actor)]);
  const t = await getTranslations('inbox');
  const format = await getFormatter();
  const locale = await getLocale();
  const profiles = await getTranslations('profiles');
  const sectionName = (section: string | null) => (section && isDomainKey(section) ? domainName(section, locale) : profiles('introduction'));
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p data-testid="unread-count">{t('unread', { n: unread })}</p>
        </div>
        {unread > 0 && <ActionButton action={markAllReadAction} fields={{}} label={t('markAllRead')} className="button--secondary" />}
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <ul className="inbox" data-testid="inbox">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'inbox__item' : 'inbox__item inbox__item--unread'} data-testid="notification">
                <p className="inbox__what">
                  {!n.readAt && <span className="visually-hidden">{t('unreadItem')} </span>}
                  {n.kind === 'published' && n.edition
                    ? t('publishedEdition', { name: n.actorName ?? '—', label: editionLabel(n.edition.year, n.edition.month, locale) })
                    : n.kind === 'suggested' && n.suggestions
                      ? t('kinds.suggested', { ...n.suggestions, n: n.suggestions.count, section: sectionName(n.section) })
                      : t(`kinds.${n.kind as 'submitted'}`, { name: n.actorName ?? '—' })}
                </p>
                {/* On a line of its own, so no language's punctuation is needed; a plain <a>: opening
                    marks it read (app/(app)/inbox/[id]/route.ts), so nothing may prefetch it. */}
                {n.title && <p className="inbox__about">{n.href ? <a href={`/inbox/${n.id}`}>{n.title}</a> : n.title}</p>}
                {n.quote && <p className="inbox__passage small muted">{t('onPassage', { passage: n.quote })}</p>}
                {n.note && <blockquote className="timeline__note">{n.note}</blockquote>}
                <p className="small muted">
                  <time dateTime={n.createdAt.toISOString()}>{format.relativeTime(n.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
