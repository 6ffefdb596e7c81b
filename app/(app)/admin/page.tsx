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
  // Each card is named by its link and says what is behind it (a button repeating the title said nothing more).
  const cards: Array<{ href: string; title: string; detail: string }> = [
    { href: '/admin/users', title: t('users.title'), detail: t('usersCard', { n: stats.users }) },
    { href: '/admin/outbox', title: o('outbox'), detail: t('outboxCard') },
    { href: '/admin/portfolio', title: p('title'), detail: t('portfolioCard') },
    { href: '/admin/jurisdictions', title: t('jurisdictions.title'), detail: t('jurisdictionsCard', { n: stats.jurisdictions }) },
    { href: '/admin/import', title: i('title'), detail: i('cardHelp') },
  ];
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <div className="grid">
        {cards.map((card) => (
          <section key={card.href} className="card admin-card">
            <h2>
              <Link href={card.href}>{card.title}</Link>
            </h2>
            <p className="muted">{card.detail}</p>
          </section>
        ))}
      </div>
    </div>
  );
}
