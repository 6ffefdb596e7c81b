'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, SelectField } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { actionStateKey } from '@/components/forms/state-key';
import { OneTimeLink } from '@/components/admin/one-time-link';
import { inviteReviewerAction } from '@/lib/actions/reviewers';
import { localeNames, locales } from '@/lib/domain/locales';
import { MAX_ORGANISATION_LENGTH } from '@/lib/domain/roles';

/** Invites a consultation reviewer on one jurisdiction (zod stays on the server: see lib/domain/roles.ts). */
export function InviteReviewerForm({ jurisdiction }: { jurisdiction: string }) {
  const t = useTranslations('jurisdiction.reviewers');
  const ui = useLocale();
  const [state, action, pending] = useActionState(inviteReviewerAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state?.fieldErrors ?? {};
  return (
    <div className="stack">
      {state?.ok && (
        <div className="notice notice--ok" role="status">
          {state.message}
          {/* Only without email configured: then the inviter passes the link on. */}
          {typeof state.data?.link === 'string' && <OneTimeLink link={state.data.link} />}
        </div>
      )}
      <form className="form" action={action} noValidate key={actionStateKey(state)} data-testid="invite-reviewer">
        {!state?.ok && <FormMessage state={state} />}
        <input type="hidden" name="jurisdiction" value={jurisdiction} />
        <Field name="name" label={t('name')} required maxLength={200} defaultValue={values?.name} error={errors.name} autoComplete="off" />
        <Field name="email" type="email" label={t('email')} required maxLength={320} defaultValue={values?.email} error={errors.email} autoComplete="off" />
        <Field
          name="organisation"
          label={t('organisation')}
          maxLength={MAX_ORGANISATION_LENGTH}
          defaultValue={values?.organisation}
          error={errors.organisation}
          autoComplete="off"
        />
        <Field name="until" type="date" label={t('until')} defaultValue={values?.until} error={errors.until} />
        <SelectField
          name="language"
          label={t('language')}
          options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
          defaultValue={values?.language ?? ui}
          error={errors.language}
        />
        <div>
          <button className="button" type="submit" disabled={pending}>
            {t('invite')}
          </button>
        </div>
      </form>
    </div>
  );
}
