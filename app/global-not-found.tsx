import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import RootLayout from './(app)/layout';
import NotFound from './(app)/not-found';

/*
 * The page for an address no route matches (/profiles/lima/9999-99, /Profiles):
 * the app's own frame and not-found message in the reader's language. Without
 * it Next served its bare English 404, prerendered, whose inline scripts carry
 * no nonce, so the page's policy (proxy.ts) blocked them. With two root layouts
 * ((app) and (public)) no not-found.tsx can be global; this file is Next's way
 * (experimental.globalNotFound in next.config.js).
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle'), robots: { index: false } };
}

export default async function GlobalNotFound() {
  // Rendered per request: under that request's nonce, and in its reader's language.
  await connection();
  return (
    <RootLayout>
      <NotFound />
    </RootLayout>
  );
}
