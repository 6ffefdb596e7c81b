import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { listOpenSuggestions } from '@/lib/data/suggestions';

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
