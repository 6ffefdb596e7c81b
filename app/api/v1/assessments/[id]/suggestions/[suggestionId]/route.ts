import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { decideSuggestions } from '@/lib/data/suggestions';
import { suggestionDecisionBody } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; suggestionId: string }> };

/** A consultant accepts or rejects one suggestion (in draft); the text moves on by one revision. */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { id, suggestionId } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  if (!z.uuid().safeParse(suggestionId).success) return apiError(404, 'not_found', 'No such suggestion.');
  const { decision } = await readJson(request, suggestionDecisionBody);
  const done = await decideSuggestions(actor, id, { suggestionId }, decision);
  return NextResponse.json({ id: suggestionId, decision: decision === 'accept' ? 'accepted' : 'rejected', revision: done.revision });
});
