import 'server-only';
import { headers } from 'next/headers';

/**
 * Whether this page render is the router prefetching a link, not a person
 * opening the page: a prefetch must not count as reading (the overview links
 * every section). Next marks its prefetch requests with these headers.
 */
export async function isPrefetch(): Promise<boolean> {
  const h = await headers();
  return h.has('next-router-prefetch') || h.has('next-router-segment-prefetch');
}
