'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { decideAllSuggestions, decideSuggestions } from '../data/suggestions';
import { partsOf, sectionKeys } from '../domain/profile';
import { actionWithActor } from './safe-action';

/** Accepts or rejects one suggestion (`suggestionId`) or every one in a part (`all`), from the editor's list. */
export const decideSuggestionAction = actionWithActor(
  z
    .object({
      id: z.uuid(),
      section: z.enum(sectionKeys),
      part: z.enum(['body', 'strengths', 'potential']),
      suggestionId: z.uuid().optional(),
      decision: z.enum(['accept', 'reject']),
    })
    .refine((v) => partsOf(v.section).includes(v.part), { path: ['part'], message: 'validation.invalidChoice' }),
  async ({ id, section, part, suggestionId, decision }, actor, t) => {
    const done = await decideSuggestions(actor, id, suggestionId ? { suggestionId } : { section, part }, decision);
    revalidatePath(`/assessments/${id}/sections/${section}`);
    revalidatePath(`/assessments/${id}/sections/${section}/${part}/history`);
    return { ok: true, message: t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected', { count: done.decided }) };
  },
);

/** Accepts or rejects every open suggestion in one domain (`section`), or in the whole profile (no `section`). */
export const decideAllSuggestionsAction = actionWithActor(
  z.object({
    id: z.uuid(),
    section: z.enum(sectionKeys).optional(),
    decision: z.enum(['accept', 'reject']),
  }),
  async ({ id, section, decision }, actor, t) => {
    const done = await decideAllSuggestions(actor, id, section ? { section } : { all: true }, decision);
    revalidatePath(`/assessments/${id}`, 'layout');
    return { ok: true, message: t(decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected', { count: done.decided }) };
  },
);
