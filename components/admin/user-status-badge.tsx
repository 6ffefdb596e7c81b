import { getTranslations } from 'next-intl/server';

export async function UserStatusBadge({ active, hasPassword }: { active: boolean; hasPassword: boolean }) {
  const t = await getTranslations('admin.users');
  if (!active) return <span className="badge badge--off">{t('inactive')}</span>;
  if (!hasPassword) return <span className="badge badge--warn">{t('pending')}</span>;
  return <span className="badge badge--ok">{t('active')}</span>;
}
