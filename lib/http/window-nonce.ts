import { createHmac } from 'node:crypto';

/*
 * The script nonce of a page that Next keeps in its own cache (the edition
 * pages, dated and latest: README, Serving).
 *
 * A nonce is meant for one answer; a cached page is one answer sent to many
 * readers, and Next puts on its scripts the nonce of the request that rendered
 * it. So the nonce of such a page is not random but derived, with the server's
 * secret, from the page's internal path, which names the cache window it was
 * rendered in (proxy.ts appends the window; a new window is a new cache entry).
 * Every request of that window gets the same policy as the copy Next serves,
 * and no two windows or pages share a nonce.
 *
 * What it keeps out is what a nonce keeps out of any page: a script that came
 * into the page any other way than from Next's renderer (stored in content, or
 * injected on the way). Such a script would have to carry the nonce of the
 * window in which its page is rendered, which nobody can know before that
 * window begins without the secret; the content of a public page changes only
 * through a publication or an import by an admin.
 */

/** How long one rendered copy of a cached public page is served (and its nonce lasts). */
export const PAGE_WINDOW_SECONDS = 30;

/** The cache window a moment falls in: a whole number, the same on every instance. */
export function cacheWindow(nowMs: number): number {
  return Math.floor(nowMs / (PAGE_WINDOW_SECONDS * 1000));
}

/** The nonce of the page at this internal path (its window included): base64, 22 characters. */
export function windowNonce(secret: string, internalPathname: string): string {
  return createHmac('sha256', secret).update(`mgi page nonce\n${internalPathname}`).digest('base64').slice(0, 22);
}

/**
 * Whether a page may be rendered for this window now: the current one, or the one just ended
 * (a request named its window before it rendered, and Next may refresh a copy a moment later).
 * The windowed data ('use cache' in lib/editions/public-data.ts) refuse any other: Next also
 * registers those functions as server references, which anyone can call with arguments of their
 * own, and an entry made now for a window to come would outlive a publication made meanwhile.
 */
export function isRenderableWindow(window: number, nowMs: number): boolean {
  const now = cacheWindow(nowMs);
  return Number.isSafeInteger(window) && (window === now || window === now - 1);
}
