'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { SelectField } from '@/components/forms/field';
import { MAX_INVITE_ROLES, staffRoles } from '@/lib/domain/roles';

/** Row numbers of the roles a refused form sent back (`roles.N.jurisdictionId`), or one empty row. */
function rowsOf(values: Record<string, string> | undefined): number[] {
  const rows = Object.keys(values ?? {})
    .map((k) => /^roles\.(\d{1,3})\.jurisdictionId$/.exec(k)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return rows.length > 0 ? rows : [0];
}

/**
 * The roles given with an invitation: one row per role, a jurisdiction and what
 * the person is there. Without script the first row still works.
 */
export function InviteRoleRows({
  jurisdictions,
  values,
  error,
}: {
  jurisdictions: ReadonlyArray<{ id: string; name: string }>;
  values?: Record<string, string>;
  error?: string;
}) {
  const t = useTranslations('admin.users');
  const roleNames = useTranslations('roles');
  const [rows, setRows] = useState(() => rowsOf(values));
  if (jurisdictions.length === 0) return null;
  return (
    <fieldset className="fieldset" aria-describedby="invite-roles-help">
      <legend>{t('inviteRoles')}</legend>
      <p id="invite-roles-help" className="field__hint">
        {t('inviteRolesHelp')}
      </p>
      {error && <p className="field__error">{error}</p>}
      <div className="role-rows">
        {rows.map((row, index) => (
          <div key={row} role="group" aria-label={t('roleRow', { n: index + 1 })} className="form-row role-row">
            <SelectField
              name={`roles.${row}.jurisdictionId`}
              label={t('jurisdiction')}
              defaultValue={values?.[`roles.${row}.jurisdictionId`] ?? ''}
              options={[{ value: '', label: t('none') }, ...jurisdictions.map((j) => ({ value: j.id, label: j.name }))]}
            />
            <SelectField
              name={`roles.${row}.role`}
              label={t('role')}
              defaultValue={values?.[`roles.${row}.role`] ?? 'consultant'}
              options={staffRoles.map((r) => ({ value: r, label: roleNames(r) }))}
            />
            {rows.length > 1 && (
              <button
                type="button"
                className="button button--quiet role-row__remove"
                onClick={() => setRows(rows.filter((r) => r !== row))}
                aria-label={t('removeRoleRow', { n: index + 1 })}
              >
                ×
              </button>
            )}
          </div>
        ))}
      </div>
      {rows.length < MAX_INVITE_ROLES && (
        <div>
          <button type="button" className="button button--secondary" onClick={() => setRows([...rows, Math.max(...rows) + 1])}>
            {t('addRoleRow')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
