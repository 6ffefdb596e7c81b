'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormMessage } from '@/components/forms/form-message';
import { inviteUserAction } from '@/lib/actions/admin-users';
import { actionStateKey } from '@/components/forms/state-key';
import { InviteRoleRows } from './invite-role-rows';
import { OneTimeLink } from './one-time-link';

/** Invites a person, with their roles on jurisdictions if the admin gives them here. */
export function InviteUserForm({ jurisdictions }: { jurisdictions: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useTranslations('admin.users');
  const [state, action, pending] = useActionState(inviteUserAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state?.fieldErrors ?? {};
  return (
    <div className="stack">
      {state?.ok && (
        <div className="notice notice--ok" role="status">
          {state.message}
          {/* Only without email configured: then the admin passes the link on. */}
          {typeof state.data?.link === 'string' && <OneTimeLink link={state.data.link} />}
        </div>
      )}
      <form className="form" action={action} noValidate key={actionStateKey(state)}>
        {!state?.ok && <FormMessage state={state} />}
        <Field name="name" label={t('name')} required maxLength={200} defaultValue={values?.name} error={errors.name} autoComplete="off" />
        <Field name="email" type="email" label={t('email')} required maxLength={320} defaultValue={values?.email} error={errors.email} autoComplete="off" />
        <label className="checkbox">
          <input type="checkbox" name="isAdmin" defaultChecked={values?.isAdmin === 'on'} />
          {t('makeAdmin')}
        </label>
        <InviteRoleRows jurisdictions={jurisdictions} values={values} error={errors.roles} />
        <div>
          <button className="button" type="submit" disabled={pending}>
            {t('submitInvite')}
          </button>
        </div>
      </form>
    </div>
  );
}
