import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { presentThread } from '@/lib/api/present-thread';
import { parseBody, readJson } from '@/lib/api/read-json';
import { startThread } from '@/lib/data/comments-anchor';
import { listThreads } from '@/lib/data/comments-read';
import { replyToThread } from '@/lib/data/comments-write';
import { newThreadBody, replyBody } from '@/lib/domain/api-schemas';
import { partsOf } from '@/lib/domain/profile';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Every comment thread of a profile, in text order, with its replies. */
export const GET = withApiActor(async (_request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const threads = await listThreads(actor, id);
  return NextResponse.json({ threads: threads.map(presentThread) });
});

/** Starts a thread on a passage (`domain`, `part`, `quote`, `body`) or replies to one (`threadId`, `body`). */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  // Two shapes; the presence of `threadId` says which, so errors name the right fields. Read as it
  // came: a record schema rebuilt the object, and a "__proto__" key became its prototype (then
  // unseen by the strict schemas below, and `threadId` could come from it).
  const raw = await readJson(request, z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'Send a JSON object.'));
  if (Object.hasOwn(raw, 'threadId')) {
    const body = parseBody(replyBody, raw);
    const comment = await replyToThread(actor, id, body.threadId, body.body);
    return NextResponse.json(
      { threadId: body.threadId, comment: { id: comment.id, author: comment.authorName, body: comment.body, createdAt: comment.createdAt.toISOString() } },
      { status: 201 },
    );
  }
  const body = parseBody(newThreadBody, raw);
  if (!partsOf(body.domain).includes(body.part)) {
    return apiError(400, 'unknown_part', `"${body.domain}" has no part "${body.part}"; its parts are ${partsOf(body.domain).join(' and ')}.`);
  }
  const { thread, revision } = await startThread(actor, id, {
    section: body.domain,
    part: body.part,
    quote: body.quote,
    occurrence: body.occurrence,
    baseRevision: body.baseRevision,
    body: body.body,
  });
  return NextResponse.json({ thread: presentThread(thread), revision }, { status: 201 });
});
