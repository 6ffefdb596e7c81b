import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Brand } from './brand';
import { HeaderMenu } from './header-menu';
import { LocaleSwitcher } from './locale-switcher';
import { LogoutButton } from './logout-button';

interface Props {
  actor: { name: string; isAdmin: boolean; unread: number } | null;
  locale: string;
}

export async function SiteHeader({ actor, locale }: Props) {
  const t = await getTranslations('nav');
  const app = await getTranslations('app');
  const pub = await getTranslations('public');
  const inbox = await getTranslations('inbox');
  const domains = await getTranslations('domains');
  const search = await getTranslations('search');
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Brand name={app('name')} />
        <HeaderMenu label={t('menu')}>
          <nav aria-label={t('main')} className="site-nav">
            {actor && <Link href="/">{t('dashboard')}</Link>}
            <Link href="/profiles">{pub('navProfiles')}</Link>
            {/* Signed out, the public pages are what there is to read; signed in, the header is full already,
                and the public pages' own header leads on to these. */}
            {!actor && <Link href="/domains">{domains('nav')}</Link>}
            {!actor && <Link href="/search">{search('navSearch')}</Link>}
            {actor && (
              <Link href="/inbox" data-testid="inbox-link">
                {t('inbox')}
                {/* The badge is seen; a screen reader hears the count with its noun, in the right plural. */}
                {actor.unread > 0 && (
                  <>
                    <span className="nav-count" aria-hidden="true">
                      {actor.unread}
                    </span>
                    <span className="visually-hidden"> {inbox('unread', { n: actor.unread })}</span>
                  </>
                )}
              </Link>
            )}
            {actor?.isAdmin && <Link href="/admin">{t('admin')}</Link>}
          </nav>
          <div className="site-header__tools">
            <LocaleSwitcher current={locale} label={t('language')} apply={t('apply')} />
            {actor ? (
              <div className="user-menu">
                <span className="user-menu__name" title={t('signedInAs', { name: actor.name })}>
                  {actor.name}
                </span>
                <LogoutButton label={t('logout')} />
              </div>
            ) : (
              <Link className="button button--small" href="/login">
                {t('login')}
              </Link>
            )}
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
