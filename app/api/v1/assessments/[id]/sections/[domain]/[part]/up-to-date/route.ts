import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { markPartUpToDate } from '@/lib/data/translations';
import { upToDateBody } from '@/lib/domain/api-schemas';
import { isSlot, type PartKey } from '@/lib/domain/profile';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; domain: string; part: string }> };

/** Marks a translated part up to date with its source part's current revision. The body is optional. */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { id, domain, part } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  if (!isSlot(domain, part)) {
    return apiError(404, 'unknown_part', `"${domain}/${part}" is not a part of a profile: use introduction/body or <domain>/strengths|potential.`);
  }
  // No body means "whatever the source holds now".
  const hasBody = request.headers.get('content-type') !== null || Number(request.headers.get('content-length') ?? 0) > 0;
  const body = hasBody ? await readJson(request, upToDateBody) : {};
  const marked = await markPartUpToDate(actor, { assessmentId: id, section: domain, part: part as PartKey }, body.sourceRevision);
  return NextResponse.json({ sourceRevision: marked.sourceRevision, stale: false });
});
