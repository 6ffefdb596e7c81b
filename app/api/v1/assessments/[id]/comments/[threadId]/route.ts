import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { setThreadStatus } from '@/lib/data/comments-write';
import { threadStatusBody } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

/** Resolves (`{"status":"resolved"}`) or reopens (`{"status":"open"}`) a thread. */
export const PATCH = withApiActor(async (request, actor, { params }: { params: Promise<{ id: string; threadId: string }> }) => {
  const { id, threadId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(threadId).success) return apiError(404, 'not_found', 'No such comment thread.');
  const { status } = await readJson(request, threadStatusBody);
  return NextResponse.json(await setThreadStatus(actor, id, threadId, status));
});
