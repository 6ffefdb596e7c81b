import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { decideAllSuggestions, listOpenSuggestions } from '@/lib/data/suggestions';
import { bulkSuggestionDecisionBody } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Every open suggestion of a profile, for whoever may see it. */
export const GET = withApiActor(async (_request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const open = await listOpenSuggestions(actor, id);
  return NextResponse.json({
    suggestions: open.map((s) => ({
      id: s.id,
      domain: s.section,
      part: s.part,
      kind: s.kind,
      inserted: s.inserted,
      deleted: s.deleted,
      author: { id: s.authorId, name: s.authorName },
      at: s.at,
      comment: s.comment,
    })),
  });
});

/** A consultant accepts or rejects every open suggestion in one domain, or in the whole profile (in draft). */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const { decision, domain } = await readJson(request, bulkSuggestionDecisionBody);
  const done = await decideAllSuggestions(actor, id, domain ? { section: domain } : { all: true }, decision);
  return NextResponse.json({
    decision: decision === 'accept' ? 'accepted' : 'rejected',
    decided: done.decided,
    parts: done.parts.map((p) => ({ domain: p.section, part: p.part, decided: p.decided, revision: p.revision })),
  });
});
