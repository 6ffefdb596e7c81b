'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { inviteReviewer, removeReviewer } from '../data/reviewers';
import { reviewerInviteSchema } from '../domain/reviewer-schemas';
import { slugSchema } from '../domain/admin-schemas';
import { actionWithActor } from './safe-action';

// Rights are checked by lib/data/reviewers.ts through lib/policy (focal points of the jurisdiction, admins).
export const inviteReviewerAction = actionWithActor(reviewerInviteSchema.extend({ jurisdiction: slugSchema }), async ({ jurisdiction, ...input }, actor, t) => {
  const { user, link, emailed, existing } = await inviteReviewer(actor, jurisdiction, input);
  revalidatePath(`/jurisdictions/${jurisdiction}`);
  const key = existing ? 'added' : emailed ? 'invitedEmailed' : 'invited';
  return { ok: true, message: t(`jurisdiction.reviewers.${key}`, { email: user.email }), data: { link, userId: user.id } };
});

export const removeReviewerAction = actionWithActor(z.object({ jurisdiction: slugSchema, userId: z.uuid() }), async ({ jurisdiction, userId }, actor, t) => {
  await removeReviewer(actor, jurisdiction, userId);
  revalidatePath(`/jurisdictions/${jurisdiction}`);
  return { ok: true, message: t('jurisdiction.reviewers.removed') };
});
