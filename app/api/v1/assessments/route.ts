import { NextResponse } from 'next/server';
import { withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { startAssessment } from '@/lib/data/assessments';
import { ConflictError } from '@/lib/data/errors';
import { startAssessmentBody } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

/** Starts a profile; 409 with the open one's id when one exists for that jurisdiction and language. */
export const POST = withApiActor(async (request, actor) => {
  const body = await readJson(request, startAssessmentBody);
  try {
    const { id } = await startAssessment(actor, body);
    return NextResponse.json({ id }, { status: 201, headers: { location: `/api/v1/assessments/${id}` } });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'assessment_open') {
      const { code, message, details } = error;
      return NextResponse.json({ error: { code, message, details }, id: details?.id }, { status: 409 });
    }
    throw error;
  }
});
