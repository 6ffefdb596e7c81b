import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EditionPage } from '@/components/editions/edition-page';
import { editionMetadata } from '@/lib/editions/metadata';
import { contentLanguageParam, isJurisdictionSlug } from '@/lib/editions/page-params';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params;
  return editionMetadata(slug, 'latest', contentLanguageParam((await searchParams).lang));
}

/** The latest edition of a jurisdiction. */
export default async function LatestEditionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isJurisdictionSlug(slug)) notFound();
  return <EditionPage slug={slug} when="latest" lang={contentLanguageParam((await searchParams).lang)} />;
}
