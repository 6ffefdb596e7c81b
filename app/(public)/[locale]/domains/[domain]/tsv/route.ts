import { domainDownload } from '@/lib/editions/domain-download';

export const dynamic = 'force-dynamic';

/** /domains/{domain}/tsv (rewritten by proxy.ts): the page's filters, every matching jurisdiction. */
export const GET = domainDownload('tsv');
