import 'server-only';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundError } from '../data/errors';
import type { Actor } from '../policy';
import { getActor } from './current-actor';

/**
 * A page's <title> from data the reader may see (a profile's title, a
 * person's name), or the plain `fallback` when they are logged out: the page
 * then answers with the login. When the data is not there for them (missing or
 * not theirs: the same NotFoundError either way), the page answers 404 and
 * its tab says "Page not found", as the page does; the title leaks nothing.
 * The loaders are the same scoped data functions the page uses.
 */
export async function titleFrom(load: (actor: Actor) => Promise<string>, fallback: string): Promise<Metadata> {
  const actor = await getActor();
  if (!actor) return { title: fallback };
  try {
    return { title: await load(actor) };
  } catch (error) {
    if (error instanceof NotFoundError) return { title: (await getTranslations('errors'))('notFoundTitle') };
    return { title: fallback };
  }
}
