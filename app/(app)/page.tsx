import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Dashboard } from '@/components/dashboard/dashboard';
import { getActor } from '@/lib/auth/current-actor';
import { countAdminOverview } from '@/lib/data/overview';
import { listMyWork } from '@/lib/data/dashboard';
import type { Metadata } from 'next';

/** The tab says what the page shows: the dashboard when someone is signed in, the home page otherwise. */
export async function generateMetadata(): Promise<Metadata> {
  const actor = await getActor();
  return { title: actor ? (await getTranslations('dashboard'))('title') : (await getTranslations('home'))('title') };
}

export default async function HomePage() {
  const actor = await getActor();
  if (actor) {
    const stats = actor.isAdmin ? await countAdminOverview(actor) : null;
    return <Dashboard actor={actor} stats={stats} work={await listMyWork(actor)} />;
  }
  const t = await getTranslations('home');
  // A visitor who is not signed in is most often a reader: the public pages come first.
  return (
    <section className="hero stack">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>{t('publicIntro')}</p>
      <div className="actions">
        <Link className="button" href="/profiles">
          {t('readProfiles')}
        </Link>
        <Link className="button button--secondary" href="/search">
          {t('searchProfiles')}
        </Link>
        <Link className="button button--secondary" href="/domains">
          {t('compareDomains')}
        </Link>
      </div>
      <div className="hero__workspace">
        <h2>{t('workspace')}</h2>
        <Link className="button button--secondary" href="/login">
          {t('loginCta')}
        </Link>
      </div>
    </section>
  );
}
