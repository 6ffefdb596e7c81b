import 'server-only';
import { revalidatePath } from 'next/cache';

/**
 * After a publication: regenerates the cached public pages on this instance
 * (the latest edition, superseded notices, the index). Other instances follow
 * within their pages' revalidation time, since this cache is per instance.
 */
export function refreshPublicPages() {
  revalidatePath('/[locale]/profiles/[slug]/[edition]/[lang]', 'page');
  revalidatePath('/[locale]/profiles', 'page');
  // The in-memory copies the HTTP server keeps (server/main.ts), in this same process.
  (globalThis as { __mgiPageCache?: { clear(): void } }).__mgiPageCache?.clear();
}
