'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SelectField } from '@/components/forms/field';
import { ActionButton } from '@/components/forms/action-button';
import { FormMessage } from '@/components/forms/form-message';
import { grantRoleAction, revokeRoleAction } from '@/lib/actions/admin-users';
import { staffRoles, type JurisdictionRole } from '@/lib/domain/roles';

interface Props {
  userId: string;
  roles: ReadonlyArray<{ jurisdictionId: string; name: string; role: JurisdictionRole }>;
  jurisdictions: ReadonlyArray<{ id: string; name: string }>;
}

export function RoleEditor({ userId, roles, jurisdictions }: Props) {
  const t = useTranslations('admin.users');
  const roleNames = useTranslations('roles');
  const [state, grant, pending] = useActionState(grantRoleAction, null);
  return (
    <div className="stack">
      {roles.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="list-plain" aria-label={t('roles')}>
          {roles.map((r) => (
            <li key={`${r.jurisdictionId}-${r.role}`}>
              <span>
                <span className="badge">{roleNames(r.role)}</span> {r.name}
              </span>
              <ActionButton
                action={revokeRoleAction}
                fields={{ userId, jurisdictionId: r.jurisdictionId, role: r.role }}
                label={t('revoke')}
                className="button--quiet"
              />
            </li>
          ))}
        </ul>
      )}
      {jurisdictions.length > 0 && (
        <form className="form" action={grant}>
          <FormMessage state={state} />
          <input type="hidden" name="userId" value={userId} />
          <div className="form-row">
            <SelectField
              name="jurisdictionId"
              label={t('jurisdiction')}
              options={jurisdictions.map((j) => ({ value: j.id, label: j.name }))}
              error={state?.fieldErrors?.jurisdictionId}
            />
            <SelectField
              name="role"
              label={t('role')}
              options={staffRoles.map((r) => ({ value: r, label: roleNames(r) }))}
              error={state?.fieldErrors?.role}
            />
          </div>
          <div>
            <button className="button button--small" type="submit" disabled={pending}>
              {t('grant')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
