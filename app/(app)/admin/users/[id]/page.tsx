import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { RoleEditor } from '@/components/admin/role-editor';
import { UserAccountControls } from '@/components/admin/user-account-controls';
import { UserStatusBadge } from '@/components/admin/user-status-badge';
import { requireAbility } from '@/lib/auth/require-admin';
import { listJurisdictions } from '@/lib/data/jurisdictions';
import { getUserForAdmin } from '@/lib/data/users';
import type { Metadata } from 'next';
import { titleFrom } from '@/lib/auth/page-title';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const t = await getTranslations('admin.users');
  return titleFrom(async (actor) => `${(await getUserForAdmin(actor, id)).name} · ${t('title')}`, t('title'));
}

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAbility('manage_users', `/admin/users/${id}`);
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await getUserForAdmin(actor, id).catch(() => null);
  if (!user) notFound();
  const jurisdictions = await listJurisdictions(actor);
  const t = await getTranslations('admin.users');
  const roles = await getTranslations('roles');
  return (
    <div className="stack">
      <div>
        <p className="breadcrumb">
          <Link href="/admin/users">← {t('back')}</Link>
        </p>
        <div className="page-header">
          <div>
            <h1>{user.name}</h1>
            <p>
              {user.email} · <UserStatusBadge active={user.active} hasPassword={user.hasPassword} />{' '}
              {user.isAdmin && <span className="badge badge--warn">{roles('admin')}</span>}
            </p>
          </div>
        </div>
      </div>
      <div className="two-col">
        <section className="card" aria-labelledby="roles-title">
          <h2 id="roles-title">{t('roles')}</h2>
          <RoleEditor
            userId={user.id}
            roles={user.roles}
            jurisdictions={jurisdictions.map((j) => ({ id: j.id, name: j.name }))}
          />
        </section>
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">{t('account')}</h2>
          <UserAccountControls
            user={{ id: user.id, name: user.name, active: user.active, isAdmin: user.isAdmin }}
            isSelf={user.id === actor.userId}
          />
        </section>
      </div>
    </div>
  );
}
