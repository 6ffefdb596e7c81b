import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { RevisionConflictError, savePart } from '@/lib/data/parts';
import { savePartBody } from '@/lib/domain/api-schemas';
import { isSlot, type PartKey } from '@/lib/domain/profile';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; domain: string; part: string }> };

/** Saves one part; 409 with the current document, revision, author and time when the base revision is stale. */
export const PUT = withApiActor(async (request, actor, { params }: Context) => {
  const { id, domain, part } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  if (!isSlot(domain, part)) {
    return apiError(404, 'unknown_part', `"${domain}/${part}" is not a part of a profile: use introduction/body or <domain>/strengths|potential.`);
  }
  const body = await readJson(request, savePartBody);
  try {
    const saved = await savePart(actor, { assessmentId: id, section: domain, part: part as PartKey }, body);
    return NextResponse.json(saved);
  } catch (error) {
    if (error instanceof RevisionConflictError) {
      return NextResponse.json(
        {
          error: { code: error.code, message: error.message },
          doc: error.current.doc,
          revision: error.current.revision,
          savedBy: error.current.savedBy,
          savedAt: error.current.savedAt,
        },
        { status: 409 },
      );
    }
    throw error;
  }
});
