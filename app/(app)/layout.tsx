import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { TimeZoneCookie } from '@/components/intl/time-zone-cookie';
import { SiteHeader } from '@/components/layout/site-header';
import { getActor } from '@/lib/auth/current-actor';
import { countUnread } from '@/lib/data/notifications';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('app');
  // The header shows who is logged in; every page still checks rights itself.
  const actor = await getActor();
  const unread = actor ? await countUnread(actor) : 0;
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <SiteHeader actor={actor ? { name: actor.name, isAdmin: actor.isAdmin, unread } : null} locale={locale} />
        <main id="main" className="page">
          {children}
        </main>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
