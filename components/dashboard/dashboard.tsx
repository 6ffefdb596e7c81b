import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/policy';
import type { listMyWork } from '@/lib/data/dashboard';
import { WorkQueues } from './work-queues';

interface Props {
  actor: Actor;
  stats: { users: number; jurisdictions: number } | null;
  work: Awaited<ReturnType<typeof listMyWork>>;
}

/** One section per role the person holds; someone with several roles sees several. */
export async function Dashboard({ actor, stats, work }: Props) {
  const t = await getTranslations('dashboard');
  const consultantOn = actor.memberships.filter((m) => m.role === 'consultant');
  const focalOn = actor.memberships.filter((m) => m.role === 'focal_point');
  const reviewerOn = actor.memberships.filter((m) => m.role === 'reviewer');
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('greeting', { name: actor.name })}</p>
        </div>
      </div>
      {(consultantOn.length > 0 || focalOn.length > 0 || reviewerOn.length > 0 || actor.isAdmin) && (
        <WorkQueues
          queues={work}
          show={[
            ...(consultantOn.length > 0 ? (['changesRequested', 'drafts', 'underReview'] as const) : []),
            ...(focalOn.length > 0 || reviewerOn.length > 0 ? (['toReview'] as const) : []),
            ...(actor.isAdmin ? (['toPublish'] as const) : []),
          ]}
        />
      )}
      <div className="grid">
        {actor.isAdmin && stats && (
          <section className="card" aria-labelledby="dash-admin" data-testid="dashboard-admin">
            <h2 id="dash-admin">{t('asAdmin')}</h2>
            <p className="muted">{t('adminIntro')}</p>
            <p>{t('stats', stats)}</p>
            <div className="actions">
              <Link className="button button--small" href="/admin/users">
                {t('manageUsers')}
              </Link>
              <Link className="button button--small button--secondary" href="/admin/jurisdictions">
                {t('manageJurisdictions')}
              </Link>
              <Link className="button button--small button--secondary" href="/admin/portfolio">
                {t('portfolio')}
              </Link>
            </div>
          </section>
        )}
        {consultantOn.length > 0 && (
          <RoleSection id="dash-consultant" title={t('asConsultant')} intro={t('consultantIntro')} items={consultantOn} />
        )}
        {focalOn.length > 0 && (
          <RoleSection id="dash-focal" title={t('asFocalPoint')} intro={t('focalPointIntro')} items={focalOn} />
        )}
        {reviewerOn.length > 0 && (
          <RoleSection id="dash-reviewer" title={t('asReviewer')} intro={t('reviewerIntro')} items={reviewerOn} />
        )}
        {!actor.isAdmin && actor.memberships.length === 0 && (
          <section className="card">
            <p>{t('noRoles')}</p>
          </section>
        )}
      </div>
    </div>
  );
}

function RoleSection(props: { id: string; title: string; intro: string; items: Actor['memberships'] }) {
  return (
    <section className="card" aria-labelledby={props.id} data-testid={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p className="muted">{props.intro}</p>
      <ul className="list-plain">
        {props.items.map((m) => (
          <li key={m.jurisdictionId}>
            <Link href={`/jurisdictions/${m.slug}`}>{m.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
