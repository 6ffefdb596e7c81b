import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { EditionPage } from '@/components/editions/edition-page';
import { parseEditionSlug } from '@/lib/domain/edition';
import { isLocale, type Locale } from '@/lib/domain/locales';
import { editionMetadata } from '@/lib/editions/metadata';
import { isJurisdictionSlug } from '@/lib/editions/page-params';

/*
 * Reached from /profiles/{slug}[/{yyyy-mm}][?lang=], rewritten by proxy.ts to
 * this internal path, whose last segment is the cache window (30 s). No
 * cookies, headers or query are read here, so Next keeps the rendered page in
 * its own cache: one copy per window, its scripts under the window's nonce,
 * which proxy.ts derives from this path and sends with every copy
 * (lib/http/window-nonce.ts). The data are read once per window
 * (cachedEditionPage); a publication or an import on this instance drops the
 * copy at once (the `editions` tag). Readers' browsers revalidate before reuse
 * (lib/editions/cache-policy.ts): the page changes when a newer edition appears
 * (superseded notice, list of editions, compare form).
 */
export const revalidate = 30;

/** None ahead of time: each window's page is rendered by its first request, then served from the cache. */
export function generateStaticParams() {
  return [];
}

type Params = { locale: string; slug: string; edition: string; lang: string; window: string };

function resolve(p: Params) {
  const when = p.edition === 'latest' ? ('latest' as const) : parseEditionSlug(p.edition);
  const lang: Locale | undefined = isLocale(p.lang) ? p.lang : undefined;
  const valid = when && isJurisdictionSlug(p.slug) && isLocale(p.locale) && (lang || p.lang === 'any') && /^\d{1,12}$/.test(p.window);
  return valid ? { when, lang, locale: p.locale as Locale, renderWindow: Number(p.window) } : null;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const p = await params;
  const r = resolve(p);
  if (!r) return {};
  setRequestLocale(r.locale);
  return editionMetadata(p.slug, r.when, r.lang, r.renderWindow);
}

export default async function EditionRoute({ params }: { params: Promise<Params> }) {
  const p = await params;
  const r = resolve(p);
  if (!r) notFound();
  setRequestLocale(r.locale);
  return <EditionPage slug={p.slug} when={r.when} lang={r.lang} renderWindow={r.renderWindow} />;
}
