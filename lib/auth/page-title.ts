import 'server-only';
import type { Metadata } from 'next';
import type { Actor } from '../policy';
import { getActor } from './current-actor';

/**
 * A page's <title> from data the reader may see (a profile's title, a
 * person's name), or the plain `fallback` when they are logged out or may not
 * see it: the page itself then answers with the login or a 404, and the title
 * leaks nothing. The loaders are the same scoped data functions the page uses.
 */
export async function titleFrom(load: (actor: Actor) => Promise<string>, fallback: string): Promise<Metadata> {
  const actor = await getActor();
  if (!actor) return { title: fallback };
  try {
    return { title: await load(actor) };
  } catch {
    return { title: fallback };
  }
}
