'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { restorePartRevision } from '../data/parts';
import { isSlot, type PartKey } from '../domain/profile';
import { InvalidInputError } from '../data/errors';
import { actionWithActor } from './safe-action';

export const restoreRevisionAction = actionWithActor(
  z.object({
    id: z.uuid(),
    section: z.string(),
    part: z.string(),
    revision: z.coerce.number().int().min(1),
    baseRevision: z.coerce.number().int().min(0),
  }),
  async ({ id, section, part, revision, baseRevision }, actor, t) => {
    if (!isSlot(section, part)) throw new InvalidInputError('unknown_part', 'No such part.');
    await restorePartRevision(actor, { assessmentId: id, section, part: part as PartKey }, revision, baseRevision);
    revalidatePath(`/assessments/${id}/sections/${section}/${part}/history`);
    return { ok: true, message: t('history.restored', { revision }) };
  },
);
