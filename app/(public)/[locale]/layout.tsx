import Link from 'next/link';
import type { Metadata, Viewport } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Brand } from '@/components/layout/brand';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { defaultLocale, isLocale, locales } from '@/lib/domain/locales';
import '../../globals.css';

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const raw = (await params).locale;
  const locale = isLocale(raw) ? raw : defaultLocale;
  const t = await getTranslations({ locale, namespace: 'app' });
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, description: t('tagline') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * The root layout of the public pages. Unlike the app's, it reads no cookie
 * and no session (the interface language comes in the path, from proxy.ts), so
 * the pages under it can be static; it therefore shows no user menu.
 */
export default async function PublicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const raw = (await params).locale;
  // An unknown first segment still gets a page frame; the page below answers 404.
  const locale = isLocale(raw) ? raw : defaultLocale;
  setRequestLocale(locale);
  const t = await getTranslations('nav');
  const app = await getTranslations('app');
  const pub = await getTranslations('public');
  const domains = await getTranslations('domains');
  const search = await getTranslations('search');
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {app('skipToContent')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Brand name={app('name')} />
            <nav aria-label={t('main')} className="site-nav">
              <Link href="/profiles">{pub('navProfiles')}</Link>
              <Link href="/domains">{domains('nav')}</Link>
              <Link href="/search">{search('navSearch')}</Link>
            </nav>
            <div className="site-header__tools">
              <LocaleSwitcher current={locale} label={t('language')} apply={t('apply')} />
              <Link className="button button--small" href="/login">
                {t('login')}
              </Link>
            </div>
          </div>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
