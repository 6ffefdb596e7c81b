import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** Base64 SHA-256 of each inline script of an HTML document (external scripts and JSON data skipped). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    if (/\btype\s*=\s*"application\/(ld\+)?json"/i.test(attributes)) continue; // data, never run
    hashes.add(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return [...hashes];
}

const known = new Map<string, string[] | null>();

/**
 * The inline scripts of a page Next prerendered at build time (the /about
 * page), read from the build output once. A prerendered page cannot carry a
 * per-request nonce; its scripts are fixed by the build, before any request and
 * without any data from the database, so listing them cannot let in a script
 * that someone put into a page. Pages with data from the database are never
 * handled this way: they run under a nonce (per request, or per cache window: window-nonce.ts).
 * Null when the build has no such file (then the page gets the nonce policy).
 */
export function prerenderedScriptHashes(distDir: string, internalPathname: string): string[] | null {
  if (!known.has(internalPathname)) {
    const file = path.join(distDir, 'server', 'app', `${internalPathname.replace(/^\//, '')}.html`);
    let hashes: string[] | null = null;
    try {
      hashes = inlineScriptHashes(fs.readFileSync(file, 'utf8'));
    } catch {
      hashes = null;
    }
    known.set(internalPathname, hashes);
  }
  return known.get(internalPathname) ?? null;
}
