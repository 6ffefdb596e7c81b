'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { setPasswordAction } from '@/lib/actions/public-forms';

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('setPassword');
  const [state, action, pending] = useActionState(setPasswordAction, null);
  return (
    <form className="form" action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        type="password"
        label={t('password')}
        hint={t('passwordHint')}
        autoComplete="new-password"
        minLength={12}
        maxLength={128}
        required
        error={state?.fieldErrors?.password}
      />
      <Field
        name="confirm"
        type="password"
        label={t('confirm')}
        autoComplete="new-password"
        required
        error={state?.fieldErrors?.confirm}
      />
      <button className="button" type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
