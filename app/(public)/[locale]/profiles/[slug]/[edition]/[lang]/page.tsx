import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { EditionPage } from '@/components/editions/edition-page';
import { parseEditionSlug } from '@/lib/domain/edition';
import { isLocale, type Locale } from '@/lib/domain/locales';
import { editionMetadata } from '@/lib/editions/metadata';
import { isJurisdictionSlug } from '@/lib/editions/page-params';

/*
 * Reached from /profiles/{slug}[/{yyyy-mm}][?lang=] (server/main.ts, proxy.ts).
 * No cookies, headers or query are read here. Rendered from the database on
 * every request that reaches it: the production server keeps each rendering
 * in memory for a minute and empties that memory when this instance publishes,
 * which is how the latest page and the superseded notice follow new editions
 * (at once here, within a minute elsewhere). Next's own page cache would serve
 * one stale copy after a publication, and outlive the database it came from.
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
