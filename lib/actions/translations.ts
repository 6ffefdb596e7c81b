'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../data/errors';
import { markPartUpToDate, startTranslation } from '../data/translations';
import { locales } from '../domain/locales';
import { isSlot, type PartKey } from '../domain/profile';
import { actionWithActor } from './safe-action';

/** Starts a translation of a profile; rights are checked by lib/data through lib/policy. */
export const startTranslationAction = actionWithActor(
  z.object({ id: z.uuid(), language: z.enum(locales, { message: 'validation.invalidChoice' }) }),
  async ({ id, language }, actor, t) => {
    let created: string;
    try {
      ({ id: created } = await startTranslation(actor, id, language));
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'assessment_open') {
        return { ok: false, message: t('translations.openExists'), data: { openId: String(error.details?.id) } };
      }
      throw error;
    }
    redirect(`/assessments/${created}`);
  },
);

/** Records that a translated part matches its source's current text (the revision the translator was shown). */
export const markUpToDateAction = actionWithActor(
  z.object({
    id: z.uuid(),
    section: z.string().max(40),
    part: z.string().max(20),
    seen: z.coerce.number().int().min(0),
  }),
  async ({ id, section, part, seen }, actor, t) => {
    if (!isSlot(section, part)) throw new InvalidInputError('unknown_part', 'No such part.');
    await markPartUpToDate(actor, { assessmentId: id, section, part: part as PartKey }, seen);
    revalidatePath(`/assessments/${id}`);
    revalidatePath(`/assessments/${id}/sections/${section}`);
    return { ok: true, message: t('translations.markedUpToDate') };
  },
);
