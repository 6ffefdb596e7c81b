import { getLocale, getTranslations } from 'next-intl/server';
import { editionLabel } from '@/lib/domain/edition-label';
import type { PublicationPlan } from '@/lib/domain/publication-plan';

/**
 * What this round will publish as, in one sentence, shown from the start of
 * the round (overview) to the moment of publishing (preview), so that the
 * month rule is never a surprise at the end.
 */
export async function PublicationPlanNote({ plan }: { plan: PublicationPlan }) {
  const t = await getTranslations('workflow');
  const ui = await getLocale();
  const label = editionLabel(plan.year, plan.month, ui);
  const text =
    plan.kind === 'correction'
      ? t('planCorrection', { label, version: plan.version })
      : plan.kind === 'wait'
        ? t('planWait', { label, from: editionLabel(plan.from.year, plan.from.month, ui) })
        : t('planEdition', { label });
  return (
    <p className={`notice ${plan.kind === 'wait' ? 'notice--error' : 'notice--info'}`} data-testid="publication-plan" data-kind={plan.kind}>
      {text}
    </p>
  );
}
