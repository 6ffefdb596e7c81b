import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InviteUserForm } from '@/components/admin/invite-user-form';
import { UserStatusBadge } from '@/components/admin/user-status-badge';
import { EmailAddress } from '@/components/layout/email-address';
import { requireAbility } from '@/lib/auth/require-admin';
import { listJurisdictions } from '@/lib/data/jurisdictions';
import { listUsers } from '@/lib/data/users';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function AdminUsersPage() {
  const actor = await requireAbility('manage_users', '/admin/users');
  const [rows, jurisdictions] = [await listUsers(actor), await listJurisdictions(actor)];
  const t = await getTranslations('admin.users');
  const roles = await getTranslations('roles');
  return (
    <div className="two-col">
      <section className="card" aria-labelledby="users-title">
        <h1 id="users-title">{t('title')}</h1>
        <div className="table-wrap">
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <td data-label={t('name')}>
                    <strong>{u.name}</strong>
                    <div className="small muted">
                      <EmailAddress address={u.email} />
                    </div>
                  </td>
                  <td data-label={t('roles')}>
                    <div className="chips">
                      {u.isAdmin && <span className="badge badge--warn">{roles('admin')}</span>}
                      {u.roles.map((r) => (
                        <span className="badge" key={`${r.slug}-${r.role}`}>
                          {roles(r.role)} · {r.name}
                        </span>
                      ))}
                      {!u.isAdmin && u.roles.length === 0 && <span className="muted small">{t('none')}</span>}
                    </div>
                  </td>
                  <td data-label={t('status')}>
                    <UserStatusBadge active={u.active} hasPassword={u.hasPassword} />
                  </td>
                  <td>
                    <Link href={`/admin/users/${u.id}`} aria-label={`${t('edit')}: ${u.name}`}>
                      {t('edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t('invite')}</h2>
        <p className="small muted">{t('inviteHelp')}</p>
        <InviteUserForm jurisdictions={jurisdictions.map((j) => ({ id: j.id, name: j.name })).sort((a, b) => a.name.localeCompare(b.name))} />
      </section>
    </div>
  );
}
