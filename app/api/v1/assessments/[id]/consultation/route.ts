import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { getConsultation } from '@/lib/data/consultation';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Per section, who of the focal points and reviewers read, commented and suggested: for focal points, consultants and admins. */
export const GET = withApiActor(async (_request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const { sections } = await getConsultation(actor, id);
  return NextResponse.json({
    domains: sections.map((s) => ({
      domain: s.section,
      summary: s.summary,
      people: s.rows.map(({ person, read, comments, suggestions }) => ({
        id: person.userId,
        name: person.name,
        role: person.role,
        organisation: person.organisation,
        ended: person.ended,
        pending: person.pending,
        read: read ? { firstAt: read.firstAt.toISOString(), lastAt: read.lastAt.toISOString() } : null,
        comments: { count: comments.count, lastAt: iso(comments.lastAt) },
        suggestions: { open: suggestions.open, decided: suggestions.decided, lastAt: iso(suggestions.lastAt) },
      })),
    })),
  });
});
