'use client';

import { useTranslations } from 'next-intl';
import { ActionButton } from '@/components/forms/action-button';
import { resendLinkAction, setActiveAction, setAdminAction } from '@/lib/actions/admin-users';
import { OneTimeLink } from './one-time-link';

interface Props {
  user: { id: string; name: string; active: boolean; isAdmin: boolean };
  isSelf: boolean;
}

export function UserAccountControls({ user, isSelf }: Props) {
  const t = useTranslations('admin.users');
  const cancel = useTranslations('dialog')('cancel');
  return (
    <div className="stack">
      <div className="actions">
        <ActionButton
          action={resendLinkAction}
          fields={{ userId: user.id }}
          label={t('resendLink')}
          className="button--secondary"
          renderResult={(s) => (typeof s.data?.link === 'string' ? <OneTimeLink link={s.data.link} /> : null)}
        />
      </div>
      {!isSelf && (
        <div className="actions">
          <ActionButton
            action={setAdminAction}
            fields={{ userId: user.id, value: String(!user.isAdmin) }}
            label={user.isAdmin ? t('removeAdminButton') : t('makeAdminButton')}
            className="button--secondary"
            confirm={
              user.isAdmin
                ? { title: t('confirmRemoveAdminTitle', { name: user.name }), body: t('confirmRemoveAdmin', { name: user.name }), cancel }
                : { title: t('confirmMakeAdminTitle', { name: user.name }), body: t('confirmMakeAdmin', { name: user.name }), cancel, danger: true }
            }
          />
          <ActionButton
            action={setActiveAction}
            fields={{ userId: user.id, value: String(!user.active) }}
            label={user.active ? t('deactivate') : t('reactivate')}
            className={user.active ? 'button--danger' : ''}
            confirm={user.active ? { title: t('confirmDeactivateTitle', { name: user.name }), body: t('confirmDeactivate', { name: user.name }), cancel, danger: true } : undefined}
          />
        </div>
      )}
    </div>
  );
}
