import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { removeReviewer } from '@/lib/data/reviewers';
import { slugParam } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

/** Ends a reviewer's role on the jurisdiction at once; their account and other roles stay. */
export const DELETE = withApiActor(async (_request, actor, { params }: { params: Promise<{ slug: string; userId: string }> }) => {
  const { slug, userId } = await params;
  if (!slugParam.safeParse(slug).success || !z.uuid().safeParse(userId).success) return apiError(404, 'not_found', 'No such reviewer.');
  await removeReviewer(actor, slug, userId);
  return new NextResponse(null, { status: 204 });
});
