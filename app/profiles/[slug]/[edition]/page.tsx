import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditionPage } from '@/components/editions/edition-page';
import { parseEditionSlug } from '@/lib/domain/edition';
import { editionMetadata } from '@/lib/editions/metadata';
import { contentLanguageParam, isJurisdictionSlug } from '@/lib/editions/page-params';

type Props = { params: Promise<{ slug: string; edition: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, edition } = await params;
  const when = parseEditionSlug(edition);
  return when ? editionMetadata(slug, when, contentLanguageParam((await searchParams).lang)) : {};
}

/** One edition, by year and month: "/profiles/huaquillas/2024-06". */
export default async function DatedEditionPage({ params, searchParams }: Props) {
  const { slug, edition } = await params;
  const when = parseEditionSlug(edition);
  if (!when || !isJurisdictionSlug(slug)) notFound();
  return <EditionPage slug={slug} when={when} lang={contentLanguageParam((await searchParams).lang)} />;
}
