import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireAbility } from '@/lib/auth/require-admin';
import { countAdminOverview } from '@/lib/data/overview';
import type { Metadata } from 'next';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHome() {
  const actor = await requireAbility('view_admin', '/admin');
  const stats = await countAdminOverview(actor);
  const t = await getTranslations('admin');
  const p = await getTranslations('portfolio');
  const o = await getTranslations('inbox');
  const i = await getTranslations('import');
  const cards: Array<{ href: string; title: string; detail?: string | number }> = [
    { href: '/admin/users', title: t('users.title'), detail: stats.users },
    { href: '/admin/outbox', title: o('outbox') },
    { href: '/admin/portfolio', title: p('title') },
    { href: '/admin/jurisdictions', title: t('jurisdictions.title'), detail: stats.jurisdictions },
    { href: '/admin/import', title: i('title'), detail: i('cardHelp') },
  ];
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <div className="grid">
        {cards.map((card) => (
          <section key={card.href} className="card">
            <h2>{card.title}</h2>
            {card.detail !== undefined && <p className="muted">{card.detail}</p>}
            <Link className="button button--small" href={card.href}>
              {card.title}
            </Link>
          </section>
        ))}
      </div>
    </div>
  );
}
