import { z } from 'zod';
import { getActor } from '@/lib/auth/current-actor';
import { openNotification } from '@/lib/data/notifications';

/** A relative Location (RFC 9110 allows it): right behind any proxy, whatever host the server believes it has. */
const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

/**
 * Opening a notification from the inbox: marks it read and goes where it
 * leads. A plain link (the inbox renders an `<a>`, never prefetched), so it
 * works without script and opens in a new tab too; marking read twice is
 * harmless, and only the signed-in person's own notifications are found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return seeOther(`/login?callbackUrl=${encodeURIComponent(`/inbox/${id}`)}`);
  const target = z.uuid().safeParse(id).success ? await openNotification(actor, id) : null;
  return seeOther(target ?? '/inbox');
}
