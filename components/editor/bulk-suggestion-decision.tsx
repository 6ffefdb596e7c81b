import { getTranslations } from 'next-intl/server';
import { BulkSuggestionButtons } from './bulk-suggestion-buttons';

interface Props {
  assessmentId: string;
  /** One domain (or the introduction); without it, the whole profile. */
  section?: string;
  /** How many suggestions are open there now. */
  open: number;
}

/**
 * Accept all / reject all open suggestions of a domain or of the whole
 * profile, each asked once more in the app's dialog. Rendered by the caller
 * for whoever may decide (even with none open, so the result stays said).
 */
export async function BulkSuggestionDecision({ assessmentId, section, open }: Props) {
  const t = await getTranslations('suggestions');
  const where = section ? 'Domain' : 'Profile';
  return (
    <BulkSuggestionButtons
      assessmentId={assessmentId}
      section={section}
      open={open}
      labels={{
        title: t('bulkTitle'),
        open: t(section ? 'openInDomain' : 'openInProfile', { n: open }),
        accept: t(`acceptAll${where}`),
        reject: t(`rejectAll${where}`),
        confirmAcceptTitle: t('confirmAcceptTitle'),
        confirmRejectTitle: t('confirmRejectTitle'),
        confirmAccept: t(`confirmAccept${where}`),
        confirmReject: t(`confirmReject${where}`),
        cancel: t('cancel'),
      }}
    />
  );
}
