'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { startAssessment, updateAssessmentTitle } from '../data/assessments';
import { ConflictError } from '../data/errors';
import { locales } from '../domain/locales';
import { slugSchema } from '../domain/admin-schemas';
import { withoutNul } from '../domain/plain-text';
import { actionWithActor } from './safe-action';

export const startAssessmentAction = actionWithActor(
  z.object({
    jurisdiction: slugSchema,
    language: z.enum(locales, { message: 'validation.invalidChoice' }),
    publishAs: z.enum(['edition', 'correction'], { message: 'validation.invalidChoice' }).default('edition'),
  }),
  async (input, actor, t) => {
    let id: string;
    try {
      ({ id } = await startAssessment(actor, input));
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'assessment_open') {
        return { ok: false, message: t('profiles.openExists'), data: { openId: String(error.details?.id) } };
      }
      throw error;
    }
    redirect(`/assessments/${id}`);
  },
);

export const updateTitleAction = actionWithActor(
  z.object({
    id: z.uuid(),
    title: withoutNul(z.string()).trim().min(1, { message: 'validation.required' }).max(300, { message: 'validation.tooLong' }),
  }),
  async ({ id, title }, actor, t) => {
    await updateAssessmentTitle(actor, id, title);
    revalidatePath(`/assessments/${id}`);
    return { ok: true, message: t('profiles.titleSaved') };
  },
);
