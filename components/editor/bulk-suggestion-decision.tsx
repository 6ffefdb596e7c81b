import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/forms/action-button';
import { decideAllSuggestionsAction } from '@/lib/actions/suggestions';

interface Props {
  assessmentId: string;
  /** One domain (or the introduction); without it, the whole profile. */
  section?: string;
  /** How many suggestions are open there now. */
  open: number;
}

/**
 * Accept all / reject all open suggestions of a domain or of the whole
 * profile, each asked once more in the app's dialog. Shown by the caller only
 * to someone who may decide, and only while suggestions are open.
 */
export async function BulkSuggestionDecision({ assessmentId, section, open }: Props) {
  const t = await getTranslations('suggestions');
  const where = section ? 'Domain' : 'Profile';
  const fields = { id: assessmentId, ...(section ? { section } : {}) };
  return (
    <section className="card bulk-suggestions" aria-labelledby={`bulk-suggestions-${section ?? 'profile'}`} data-testid={`bulk-suggestions-${section ?? 'profile'}`}>
      <h2 id={`bulk-suggestions-${section ?? 'profile'}`}>
        {t('bulkTitle')} <span className="badge">{open}</span>
      </h2>
      <p className="small">{t(section ? 'openInDomain' : 'openInProfile', { n: open })}</p>
      <div className="actions">
        <ActionButton
          action={decideAllSuggestionsAction}
          fields={{ ...fields, decision: 'accept' }}
          label={t(`acceptAll${where}`)}
          confirm={{ title: t('confirmAcceptTitle'), body: t(`confirmAccept${where}`), cancel: t('cancel') }}
        />
        <ActionButton
          action={decideAllSuggestionsAction}
          fields={{ ...fields, decision: 'reject' }}
          label={t(`rejectAll${where}`)}
          className="button--secondary"
          confirm={{ title: t('confirmRejectTitle'), body: t(`confirmReject${where}`), cancel: t('cancel') }}
        />
      </div>
    </section>
  );
}
