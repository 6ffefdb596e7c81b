'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markAllRead } from '../data/notifications';
import { actionWithActor } from './safe-action';

export const markAllReadAction = actionWithActor(z.object({}), async (_input, actor) => {
  await markAllRead(actor);
  revalidatePath('/inbox');
  return { ok: true };
});
