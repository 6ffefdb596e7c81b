import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireAbility } from '@/lib/auth/require-admin';
import { countAdminOverview } from '@/lib/data/overview';

export default async function AdminHome() {
  const actor = await requireAbility('view_admin', '/admin');
  const stats = await countAdminOverview(actor);
  const t = await getTranslations('admin');
  const p = await getTranslations('portfolio');
  const o = await getTranslations('inbox');
  const i = await getTranslations('import');
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <div className="grid">
        <section className="card">
          <h2>{t('users.title')}</h2>
          <p className="muted">{stats.users}</p>
          <Link className="button button--small" href="/admin/users">
            {t('users.title')}
          </Link>
        </section>
        <section className="card">
          <h2>{o('outbox')}</h2>
          <Link className="button button--small" href="/admin/outbox">
            {o('outbox')}
          </Link>
        </section>
        <section className="card">
          <h2>{p('title')}</h2>
          <Link className="button button--small" href="/admin/portfolio">
            {p('title')}
          </Link>
        </section>
        <section className="card">
          <h2>{t('jurisdictions.title')}</h2>
          <p className="muted">{stats.jurisdictions}</p>
          <Link className="button button--small" href="/admin/jurisdictions">
            {t('jurisdictions.title')}
          </Link>
        </section>
        <section className="card">
          <h2>{i('title')}</h2>
          <p className="muted">{i('cardHelp')}</p>
          <Link className="button button--small" href="/admin/import">
            {i('title')}
          </Link>
        </section>
      </div>
    </div>
  );
}
