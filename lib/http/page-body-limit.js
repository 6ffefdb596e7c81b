/*
 * The largest body a page or its server actions take (the admin import sends one file of at most
 * 500 KB at a time). Plain JavaScript: next.config.js (Next's own limits) and proxy.ts (which
 * refuses a larger declared body before any of it is read) both use it.
 */
export const PAGE_BODY_LIMIT_BYTES = 1024 * 1024;
