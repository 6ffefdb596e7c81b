'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/components/forms/field';
import { startAssessmentAction } from '@/lib/actions/assessments';
import { locales } from '@/lib/domain/locales';

export function StartProfileForm({ jurisdiction }: { jurisdiction: string }) {
  const t = useTranslations('profiles');
  const [state, action, pending] = useActionState(startAssessmentAction, null);
  return (
    <form className="form" action={action}>
      {state && !state.ok && (
        <p className="notice notice--error" role="alert">
          {state.message}{' '}
          {typeof state.data?.openId === 'string' && <Link href={`/assessments/${state.data.openId}`}>{t('openIt')}</Link>}
        </p>
      )}
      <input type="hidden" name="jurisdiction" value={jurisdiction} />
      <SelectField
        name="language"
        label={t('language')}
        defaultValue="es"
        options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {t('startButton')}
        </button>
      </div>
    </form>
  );
}
