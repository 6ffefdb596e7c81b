import { withDatabaseOutage } from '@/lib/api/handler';
import { cachedEdition } from '@/lib/editions/public-data';
import { editionSlug, parseEditionSlug } from '@/lib/domain/edition';
import { contentLanguageParam, isJurisdictionSlug } from '@/lib/editions/page-params';
import { isLocale } from '@/lib/domain/locales';
import { editionPdf } from '@/lib/editions/edition-pdf';
import { editionPublicUrl } from '@/lib/editions/public-url';
import { getEnv } from '@/lib/env';
import { IMMUTABLE } from '@/lib/editions/cache-policy';

export const dynamic = 'force-dynamic';

/**
 * The PDF of an edition. Public, like the page; it shows only the frozen
 * edition (no notice, no list). A version's URL in one content language
 * (…/2024-06-v1/pdf?lang=fr) names the same bytes for good (the file is dated
 * by its publication), so it may be cached for good. The month's URL shows its
 * newest version, which a correction replaces, and a URL without `?lang=` the
 * month's newest language, which a translation replaces: browsers ask again.
 */
export const GET = withDatabaseOutage(async (request: Request, { params }: { params: Promise<{ slug: string; edition: string; locale: string }> }) => {
  const { slug, edition: segment, locale } = await params;
  const notFound = () => new Response('No such edition.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  // The interface-language segment is reachable directly (/zz/profiles/…/pdf): only ours name a PDF.
  if (!isLocale(locale) || !isJurisdictionSlug(slug)) return notFound();
  const when = parseEditionSlug(segment);
  const language = contentLanguageParam(new URL(request.url).searchParams.get('lang') ?? undefined);
  const edition = when && (await cachedEdition(slug, when, language));
  if (!edition) return notFound();
  const body = await editionPdf(edition, locale, { url: editionPublicUrl(getEnv().APP_URL, edition) });
  const file = `mgi-${slug}-${editionSlug(edition.year, edition.month, edition.version > 1 ? edition.version : undefined)}-${edition.language}.pdf`;
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': when.version && language ? IMMUTABLE : 'public, no-cache',
      vary: 'Cookie, Accept-Language',
    },
  });
});
