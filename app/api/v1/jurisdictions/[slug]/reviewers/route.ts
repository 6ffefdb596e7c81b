import { NextResponse } from 'next/server';
import { apiError, withApiActor } from '@/lib/api/handler';
import { readJson } from '@/lib/api/read-json';
import { inviteReviewer, listReviewers, type Reviewer } from '@/lib/data/reviewers';
import { reviewerInviteBody, slugParam } from '@/lib/domain/api-schemas';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

const present = (r: Reviewer) => ({ ...r, invitedAt: r.invitedAt.toISOString() });

/** The jurisdiction's consultation reviewers (its focal points and admins; 403 for its other people, 404 for strangers). */
export const GET = withApiActor(async (_request, actor, { params }: Context) => {
  const { slug } = await params;
  if (!slugParam.safeParse(slug).success) return apiError(404, 'not_found', 'No such jurisdiction.');
  return NextResponse.json({ reviewers: (await listReviewers(actor, slug)).map(present) });
});

/** Invites a reviewer; without email configured the one-time link is returned for the inviter to pass on. */
export const POST = withApiActor(async (request, actor, { params }: Context) => {
  const { slug } = await params;
  if (!slugParam.safeParse(slug).success) return apiError(404, 'not_found', 'No such jurisdiction.');
  const body = await readJson(request, reviewerInviteBody);
  const { user, link, emailed, existing } = await inviteReviewer(actor, slug, {
    email: body.email.toLowerCase(),
    name: body.name,
    organisation: body.organisation || null,
    until: body.until ?? null,
    language: body.language,
  });
  return NextResponse.json({ userId: user.id, email: user.email, existingAccount: existing, emailed, link }, { status: 201 });
});
