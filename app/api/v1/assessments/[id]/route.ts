import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { presentAssessment } from '@/lib/api/present-assessment';
import { getAssessment } from '@/lib/data/assessments';
import { listDomainReviews } from '@/lib/data/domain-reviews';
import { translationState } from '@/lib/data/translations';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export const GET = withApiActor(async (_request, actor, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const profile = await getAssessment(actor, id);
  const translation = await translationState(actor, profile);
  return NextResponse.json(presentAssessment(profile, await listDomainReviews(actor, id), translation?.parts));
});
