import { withDatabaseOutage } from '@/lib/api/handler';
import { cachedEdition } from '@/lib/editions/public-data';
import { editionSlug, parseEditionSlug } from '@/lib/domain/edition';
import { contentLanguageParam, isJurisdictionSlug } from '@/lib/editions/page-params';
import { isLocale } from '@/lib/domain/locales';
import { editionPdf } from '@/lib/editions/edition-pdf';
import { editionPublicUrl } from '@/lib/editions/public-url';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The PDF of an edition. Public, like the page; it shows only the frozen edition (no notice, no list), so it may be cached for good. */
export const GET = withDatabaseOutage(async (request: Request, { params }: { params: Promise<{ slug: string; edition: string; locale: string }> }) => {
  const { slug, edition: segment, locale } = await params;
  const notFound = () => new Response('No such edition.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  // The interface-language segment is reachable directly (/zz/profiles/…/pdf): only ours name a PDF.
  if (!isLocale(locale) || !isJurisdictionSlug(slug)) return notFound();
  const when = parseEditionSlug(segment);
  const edition = when && (await cachedEdition(slug, when, contentLanguageParam(new URL(request.url).searchParams.get('lang') ?? undefined)));
  if (!edition) return notFound();
  const body = await editionPdf(edition, locale, { url: editionPublicUrl(getEnv().APP_URL, edition) });
  const file = `mgi-${slug}-${editionSlug(edition.year, edition.month)}-${edition.language}.pdf`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Cookie, Accept-Language',
    },
  });
});
