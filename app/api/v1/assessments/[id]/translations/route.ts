import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { ConflictError } from '@/lib/data/errors';
import { startTranslation } from '@/lib/data/translations';
import { startTranslationBody } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

/** Starts a translation of a profile; 409 with the open one's id when that language already has an open profile. */
export const POST = withApiActor(async (request, actor, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  const { language } = await readJson(request, startTranslationBody);
  try {
    const created = await startTranslation(actor, id, language);
    return NextResponse.json({ id: created.id }, { status: 201, headers: { location: `/api/v1/assessments/${created.id}` } });
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'assessment_open') {
      const { code, message, details } = error;
      return NextResponse.json({ error: { code, message, details }, id: details?.id }, { status: 409 });
    }
    throw error;
  }
});
