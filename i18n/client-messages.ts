/**
 * The parts of the message catalog that client components read. NextIntlClientProvider
 * sends the messages it is given to the browser inside every page it wraps; given
 * the whole catalog, each page under it carried about 45 KB of messages (more in
 * French) that no script of it reads: the public pages', the emails', the PDF's.
 * Only these namespaces are sent (components/intl/client-intl.tsx).
 *
 * Kept in step with the code by i18n/client-messages.test.ts: every
 * `useTranslations('…')` in a 'use client' file is covered here, and every entry
 * here is read by one.
 */
export const clientNamespaces = [
  'admin.jurisdictions',
  'admin.users',
  'dialog',
  'editor.status',
  'import',
  'jurisdiction.reviewers',
  'levels',
  'login',
  'profiles',
  'roles',
  'setPassword',
  'workflow',
] as const;

type Tree = { [key: string]: unknown };

/** A copy of `messages` holding only the given dotted paths (a path missing from it is skipped). */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: unknown = messages;
    for (const key of keys) from = from !== null && typeof from === 'object' && Object.hasOwn(from, key) ? (from as Tree)[key] : undefined;
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Tree;
    into[keys.at(-1)!] = from;
  }
  return picked;
}
