'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { listMentionable } from '../data/comment-notifications';
import { startThread } from '../data/comments-anchor';
import { replyToThread, setThreadStatus } from '../data/comments-write';
import { MAX_COMMENT_LENGTH } from '../domain/api-schemas';
import { MAX_QUOTE_LENGTH } from '../domain/editor/passage';
import { partsOf, sectionKeys } from '../domain/profile';
import { withoutNul } from '../domain/plain-text';
import { actionWithActor } from './safe-action';

const commentBody = withoutNul(z.string()).max(MAX_COMMENT_LENGTH, { message: 'validation.tooLong' });

function refresh(id: string, section: string) {
  revalidatePath(`/assessments/${id}`);
  revalidatePath(`/assessments/${id}/sections/${section}`);
  revalidatePath(`/assessments/${id}/comments`);
}

/** Starts a thread on the passage a person selected; answers with the thread id and the part's new revision. */
export const startThreadAction = actionWithActor(
  z
    .object({
      id: z.uuid(),
      section: z.enum(sectionKeys),
      part: z.enum(['body', 'strengths', 'potential']),
      quote: withoutNul(z.string()).max(MAX_QUOTE_LENGTH, { message: 'validation.tooLong' }),
      occurrence: z.coerce.number().int().min(0),
      baseRevision: z.coerce.number().int().min(0).optional(),
      body: commentBody,
    })
    .refine((v) => partsOf(v.section).includes(v.part), { path: ['part'], message: 'validation.invalidChoice' }),
  async ({ id, section, part, quote, occurrence, baseRevision, body }, actor, t) => {
    const { thread, revision } = await startThread(actor, id, { section, part, quote, occurrence, baseRevision, body });
    refresh(id, section);
    return { ok: true, message: t('comments.posted'), data: { threadId: thread.id, revision: String(revision) } };
  },
);

export const replyAction = actionWithActor(
  z.object({ id: z.uuid(), section: z.enum(sectionKeys), threadId: z.uuid(), body: commentBody }),
  async ({ id, section, threadId, body }, actor, t) => {
    await replyToThread(actor, id, threadId, body);
    refresh(id, section);
    return { ok: true, message: t('comments.replied') };
  },
);

export const threadStatusAction = actionWithActor(
  z.object({ id: z.uuid(), section: z.enum(sectionKeys), threadId: z.uuid(), status: z.enum(['open', 'resolved']) }),
  async ({ id, section, threadId, status }, actor, t) => {
    await setThreadStatus(actor, id, threadId, status);
    refresh(id, section);
    return { ok: true, message: t('comments.statusChanged') };
  },
);

/** Who may be named with `@` in a comment on this profile (the people who may read it), for the comment boxes' picker. */
export const mentionCandidatesAction = actionWithActor(z.object({ id: z.uuid() }), async ({ id }, actor) => {
  const people = await listMentionable(actor, id);
  return { ok: true, data: { people: JSON.stringify(people) } };
});
