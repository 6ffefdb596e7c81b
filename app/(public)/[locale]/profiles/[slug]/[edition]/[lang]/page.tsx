import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { EditionPage } from '@/components/editions/edition-page';
import { parseEditionSlug } from '@/lib/domain/edition';
import { isLocale, type Locale } from '@/lib/domain/locales';
import { editionMetadata } from '@/lib/editions/metadata';
import { isJurisdictionSlug } from '@/lib/editions/page-params';

/*
 * Reached from /profiles/{slug}[/{yyyy-mm}][?lang=] (rewritten by proxy.ts).
 * No cookies, headers or query are read here. Rendered per request, so that its
 * scripts carry the request's CSP nonce; its data comes from Next's data cache
 * (lib/editions/public-data.ts), dropped when this instance publishes and
 * refetched within half a minute elsewhere. Shared caches may keep the page a
 * minute (proxy.ts, lib/editions/cache-policy.ts): it changes when a newer
 * edition appears (superseded notice, list of editions, compare form).
 */
export const dynamic = 'force-dynamic';

type Params = { locale: string; slug: string; edition: string; lang: string };

function resolve(p: Params) {
  const when = p.edition === 'latest' ? ('latest' as const) : parseEditionSlug(p.edition);
  const lang: Locale | undefined = isLocale(p.lang) ? p.lang : undefined;
  const valid = when && isJurisdictionSlug(p.slug) && isLocale(p.locale) && (lang || p.lang === 'any');
  return valid ? { when, lang, locale: p.locale as Locale } : null;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const p = await params;
  const r = resolve(p);
  if (!r) return {};
  setRequestLocale(r.locale);
  return editionMetadata(p.slug, r.when, r.lang);
}

export default async function EditionRoute({ params }: { params: Promise<Params> }) {
  const p = await params;
  const r = resolve(p);
  if (!r) notFound();
  setRequestLocale(r.locale);
  return <EditionPage slug={p.slug} when={r.when} lang={r.lang} />;
}
