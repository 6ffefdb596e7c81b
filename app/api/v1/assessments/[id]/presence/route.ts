import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { heartbeatPresence, leavePresence } from '@/lib/data/presence';
import { isSlot, type PartKey } from '@/lib/domain/profile';

export const dynamic = 'force-dynamic';

const body = z.object({ section: z.string(), part: z.string(), leaving: z.boolean().optional() }).strict();

/** Heartbeat of an open editor: records the caller on a part and answers who else is there. */
export const POST = withApiActor(async (request, actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const { section, part, leaving } = await readJson(request, body);
  if (!isSlot(section, part)) return apiError(404, 'unknown_part', 'No such part.');
  const ref = { assessmentId: id, section, part: part as PartKey };
  if (leaving) {
    await leavePresence(actor, ref);
    return NextResponse.json({ others: [] });
  }
  const others = await heartbeatPresence(actor, ref);
  return NextResponse.json({ others: others.map((o) => ({ section: o.section, part: o.part, name: o.name })) });
});
