import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { WorkItem } from '@/lib/data/dashboard';

type QueueKey = 'drafts' | 'changesRequested' | 'underReview' | 'toReview' | 'toPublish';
type Queues = Record<QueueKey, WorkItem[]> & { counts: Record<QueueKey, number> };

/** The person's queues with counts; a queue that cannot concern them is not shown. */
export async function WorkQueues({ queues, show }: { queues: Queues; show: QueueKey[] }) {
  const t = await getTranslations('dashboard');
  const p = await getTranslations('profiles');
  const tr = await getTranslations('translations');
  return (
    <section aria-labelledby="my-work" className="stack">
      <h2 id="my-work">{t('myWork')}</h2>
      <div className="grid">
        {show.map((key) => (
          <section key={key} className="card" aria-labelledby={`queue-${key}`} data-testid={`queue-${key}`}>
            <h3 id={`queue-${key}`} className="queue-title">
              {t(key)} <span className="badge" data-testid="count">{queues.counts[key]}</span>
            </h3>
            {queues[key].length === 0 ? (
              <p className="muted small">{t('nothing')}</p>
            ) : (
              <ul className="list-plain">
                {queues[key].map((item) => (
                  <li key={item.id}>
                    <Link href={`/assessments/${item.id}`} lang={item.language}>
                      {item.jurisdictionName}
                    </Link>
                    <span className="chips">
                      <span className="badge badge--off">{item.language.toUpperCase()}</span>
                      <span className="badge">{p(`state.${item.state as 'draft'}`)}</span>
                      {item.stale > 0 && (
                        <span className="badge badge--warn" data-testid="stale-count">
                          {tr('staleCount', { n: item.stale })}
                        </span>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {queues.counts[key] > queues[key].length && (
              <p className="small muted">{t('more', { n: queues.counts[key] - queues[key].length })}</p>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
