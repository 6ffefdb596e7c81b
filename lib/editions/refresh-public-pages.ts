import 'server-only';
import { revalidateTag } from 'next/cache';
import { EDITIONS_TAG } from './public-data';

/**
 * After a publication or an import, from the action or route handler that made
 * it: this instance drops its cached public data at once (the latest page, the
 * superseded notices, the lists of editions, the index). Other instances follow
 * within PUBLIC_DATA_SECONDS, and shared caches within what Cache-Control let
 * them keep (lib/editions/cache-policy.ts).
 */
export function refreshPublicPages() {
  revalidateTag(EDITIONS_TAG, { expire: 0 });
}
