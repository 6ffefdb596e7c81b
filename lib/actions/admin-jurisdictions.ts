'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createJurisdiction, updateJurisdiction } from '../data/jurisdictions';
import { jurisdictionInputSchema } from '../domain/admin-schemas';
import { actionWithActor } from './safe-action';

export const createJurisdictionAction = actionWithActor(jurisdictionInputSchema, async (input, actor, t) => {
  const row = await createJurisdiction(actor, input);
  revalidatePath('/admin/jurisdictions');
  return { ok: true, message: t('admin.jurisdictions.created', { name: row.name }), data: { id: row.id } };
});

export const updateJurisdictionAction = actionWithActor(
  jurisdictionInputSchema.extend({ id: z.uuid() }),
  async ({ id, ...input }, actor, t) => {
    const row = await updateJurisdiction(actor, id, input);
    revalidatePath('/admin/jurisdictions');
    return { ok: true, message: t('admin.jurisdictions.saved', { name: row.name }) };
  },
);
