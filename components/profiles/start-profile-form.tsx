'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { SelectField } from '@/components/forms/field';
import { startAssessmentAction } from '@/lib/actions/assessments';
import { locales, type Locale } from '@/lib/domain/locales';

/** The latest edition in each content language that has one: what a correction round would correct. */
export type LatestByLanguage = Partial<Record<Locale, { label: string; thisMonth: boolean }>>;

/**
 * Starts a round. When the chosen language already has an edition, the
 * consultant decides here, at the start, whether the round will publish a new
 * edition or a correction of that edition; a correction is proposed first when
 * that edition is from this month (a new edition could not go out before next month).
 */
export function StartProfileForm({ jurisdiction, latest }: { jurisdiction: string; latest: LatestByLanguage }) {
  const t = useTranslations('profiles');
  const [state, action, pending] = useActionState(startAssessmentAction, null);
  const [language, setLanguage] = useState<Locale>((state?.values?.language as Locale | undefined) ?? 'es');
  const previous = latest[language];
  return (
    <form className="form" action={action}>
      {state && !state.ok && (
        <p className="notice notice--error" role="alert">
          {state.message}{' '}
          {typeof state.data?.openId === 'string' && <Link href={`/assessments/${state.data.openId}`}>{t('openIt')}</Link>}
        </p>
      )}
      <input type="hidden" name="jurisdiction" value={jurisdiction} />
      {/* The select is the shared SelectField; its change bubbles here to show the choice for that language. */}
      <div onChange={(e) => e.target instanceof HTMLSelectElement && setLanguage(e.target.value as Locale)}>
        <SelectField name="language" label={t('language')} defaultValue={language} options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
      </div>
      {previous ? (
        <fieldset className="choice-group" key={language} data-testid="publish-as">
          <legend>{t('publishAs')}</legend>
          <label className="choice">
            <input type="radio" name="publishAs" value="edition" defaultChecked={!previous.thisMonth} />
            <span>
              <strong>{t('publishAsEdition')}</strong>
              <span className="field__hint">{t('publishAsEditionHelp')}</span>
            </span>
          </label>
          <label className="choice">
            <input type="radio" name="publishAs" value="correction" defaultChecked={previous.thisMonth} />
            <span>
              <strong>{t('publishAsCorrection', { label: previous.label })}</strong>
              <span className="field__hint">{t('publishAsCorrectionHelp')}</span>
            </span>
          </label>
        </fieldset>
      ) : (
        <input type="hidden" name="publishAs" value="edition" />
      )}
      <div>
        <button className="button" type="submit" disabled={pending}>
          {t('startButton')}
        </button>
      </div>
    </form>
  );
}
