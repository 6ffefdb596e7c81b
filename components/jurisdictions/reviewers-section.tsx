import { getLocale, getTranslations } from 'next-intl/server';
import { dayInWords } from '@/lib/domain/reviewer-schemas';
import { ActionButton } from '@/components/forms/action-button';
import { ClientIntl } from '@/components/intl/client-intl';
import { removeReviewerAction } from '@/lib/actions/reviewers';
import type { Reviewer } from '@/lib/data/reviewers';
import { InviteReviewerForm } from './invite-reviewer-form';

/** The jurisdiction's consultation reviewers, for its focal points and admins: who, for whom, until when. */
export async function ReviewersSection({ jurisdiction, reviewers }: { jurisdiction: string; reviewers: Reviewer[] }) {
  const t = await getTranslations('jurisdiction.reviewers');
  const dialog = await getTranslations('dialog');
  const locale = await getLocale();
  return (
    <section className="card" aria-labelledby="reviewers">
      <h2 id="reviewers">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {reviewers.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="list-plain" data-testid="reviewers">
          {reviewers.map((r) => (
            <li key={r.userId} data-testid="reviewer">
              <span>
                {r.name}
                {r.organisation && <span className="muted"> · {r.organisation}</span>}
                <br />
                <span className="muted">{r.email}</span>
              </span>
              <span className="chips">
                {r.until && <span className="badge badge--off">{t('untilDate', { until: dayInWords(r.until, locale) })}</span>}
                {r.lapsed ? <span className="badge">{t('lapsed')}</span> : r.pending && <span className="badge">{t('pending')}</span>}
                <ActionButton
                  action={removeReviewerAction}
                  fields={{ jurisdiction, userId: r.userId }}
                  label={t('remove')}
                  className="button button--small button--secondary"
                  confirm={{ title: t('removeNamed', { name: r.name }), body: t('removeBody'), cancel: dialog('cancel'), danger: true }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <ClientIntl>
        <InviteReviewerForm jurisdiction={jurisdiction} />
      </ClientIntl>
    </section>
  );
}
