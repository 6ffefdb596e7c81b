'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { updateTitleAction } from '@/lib/actions/assessments';

export function TitleForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations('profiles');
  const [state, action, pending] = useActionState(updateTitleAction, null);
  return (
    <form className="form" action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <Field name="title" label={t('titleLabel')} defaultValue={state?.values?.title ?? title} maxLength={300} required error={state?.fieldErrors?.title} />
      <div>
        <button className="button button--small button--secondary" type="submit" disabled={pending}>
          {t('saveTitle')}
        </button>
      </div>
    </form>
  );
}
