'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { reviewDomain } from '../data/domain-reviews';
import { domainKeys } from '../domain/profile';
import { MAX_NOTE_LENGTH } from '../domain/workflow';
import { withoutNul } from '../domain/plain-text';
import { actionWithActor } from './safe-action';

export const reviewDomainAction = actionWithActor(
  z.object({
    id: z.uuid(),
    domain: z.enum(domainKeys),
    decision: z.enum(['accept', 'request_changes']),
    note: withoutNul(z.string()).max(MAX_NOTE_LENGTH, { message: 'validation.tooLong' }).optional(),
  }),
  async ({ id, domain, decision, note }, actor, t) => {
    await reviewDomain(actor, id, domain, decision, note ?? null);
    revalidatePath(`/assessments/${id}`);
    revalidatePath(`/assessments/${id}/sections/${domain}`);
    return { ok: true, message: t('review.saved') };
  },
);
