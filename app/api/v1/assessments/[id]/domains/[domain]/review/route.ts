import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { reviewDomain } from '@/lib/data/domain-reviews';
import { domainReviewBody } from '@/lib/domain/api-schemas';
import { isDomainKey } from '@/lib/domain/profile';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string; domain: string }> };

/** A focal point marks one domain accepted or changes-requested (with a note) during review. */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { id, domain } = await params;
  if (!z.uuid().safeParse(id).success) return apiError(404, 'not_found', 'No such profile.');
  if (!isDomainKey(domain)) return apiError(404, 'unknown_domain', `"${domain}" is not one of the six domains.`);
  const { decision, note } = await readJson(request, domainReviewBody);
  const mark = await reviewDomain(actor, id, domain, decision, note ?? null);
  return NextResponse.json({ domain, decision: mark.decision, note: mark.note });
});
