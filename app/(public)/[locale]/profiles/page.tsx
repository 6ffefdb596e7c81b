import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ProfilesIndex, profilesIndexMetadata } from '@/components/editions/profiles-index';
import { isLocale } from '@/lib/domain/locales';
import { cachedPublishedJurisdictions } from '@/lib/editions/public-data';
import { filledParams, jurisdictionFilterSchema } from '@/lib/domain/jurisdiction-filter';

export function generateMetadata(): Promise<Metadata> {
  return profilesIndexMetadata();
}

/**
 * /profiles with a filter in its query, rendered per request (its data from the
 * data cache). Without a query proxy.ts serves the cached copy of the window
 * instead (../profile-index). No login.
 */
export default async function FilteredProfilesIndex({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ui = (await params).locale;
  if (!isLocale(ui)) notFound();
  setRequestLocale(ui);
  const filter = jurisdictionFilterSchema.parse(filledParams(await searchParams));
  return <ProfilesIndex filter={filter} {...await cachedPublishedJurisdictions(filter)} />;
}
