import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ProfilesIndex, profilesIndexMetadata } from '@/components/editions/profiles-index';
import { isLocale } from '@/lib/domain/locales';
import { cachedProfilesIndex } from '@/lib/editions/public-data';
import { jurisdictionFilterSchema } from '@/lib/domain/jurisdiction-filter';

/*
 * /profiles without a query (as nearly every visitor first sees it), rewritten
 * by proxy.ts to /{locale}/profile-index/{window}: like the edition pages, one
 * copy per 30-second window in Next's cache, under the window's nonce
 * (lib/http/window-nonce.ts), its data read once per window and dropped at
 * once on this instance by a publication (the `editions` tag).
 */
export const revalidate = 30;

/** None ahead of time: each window's copy is rendered by its first request. */
export function generateStaticParams() {
  return [];
}

export function generateMetadata(): Promise<Metadata> {
  return profilesIndexMetadata();
}

export default async function CachedProfilesIndex({ params }: { params: Promise<{ locale: string; window: string }> }) {
  const { locale, window } = await params;
  if (!isLocale(locale) || !/^\d{1,12}$/.test(window)) notFound();
  setRequestLocale(locale);
  const filter = jurisdictionFilterSchema.parse({});
  return <ProfilesIndex filter={filter} {...await cachedProfilesIndex(Number(window))} />;
}
