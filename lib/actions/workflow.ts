'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { DataError } from '../data/errors';
import { runTransition } from '../data/workflow';
import { domainName, isDomainKey } from '../domain/profile';
import { transitionActions } from '../policy';
import { MAX_NOTE_LENGTH } from '../domain/workflow';
import { withoutNul } from '../domain/plain-text';
import { actionWithActor } from './safe-action';
import { slotName } from './slot-names';
import { refreshPublicPages } from '../editions/refresh-public-pages';
import { editionOfProfile } from '../data/editions';
import { editionHref, editionLabel } from '../domain/edition-label';
import type { Actor } from '../policy';

/** The public address of the edition a profile became. */
async function publishedHref(actor: Actor, id: string) {
  const e = await editionOfProfile(actor, id);
  return e ? editionHref(e.slug, e) : null;
}

export const transitionAction = actionWithActor(
  z.object({
    id: z.uuid(),
    action: z.enum(transitionActions),
    note: withoutNul(z.string()).max(MAX_NOTE_LENGTH, { message: 'validation.tooLong' }).optional(),
  }),
  async ({ id, action, note }, actor, t) => {
    let published: { year: number; month: number; version: number } | null = null;
    let translated: string[] = [];
    // A refusal gives the note back, so the person does not type it again.
    const values = { note: note ?? '' };
    try {
      const done = await runTransition(actor, id, action, note?.trim() || null);
      published = done.edition;
      translated = 'translations' in done ? done.translations.map((tr) => tr.language) : [];
      if (action === 'publish') refreshPublicPages();
    } catch (error) {
      if (error instanceof DataError && (error.code === 'incomplete' || error.code === 'source_changed')) {
        const ui = await getLocale();
        const slots = (error.code === 'incomplete' ? error.details?.missing : error.details?.stale) as string[];
        const names = slots.map((slot) => slotName(t, ui, slot));
        return { ok: false, message: t(`errors.${error.code}`, { parts: names.join('; ') }), values };
      }
      if (error instanceof DataError && error.code === 'review_incomplete') {
        const ui = await getLocale();
        const names = (error.details?.pending as string[]).map((d) => (isDomainKey(d) ? domainName(d, ui) : d));
        return { ok: false, message: t('errors.review_incomplete', { domains: names.join('; ') }), values };
      }
      if (error instanceof DataError && error.code === 'state_moved') {
        return { ok: false, message: t('errors.state_moved', { state: t(`profiles.state.${String(error.details?.state)}`) }), values };
      }
      throw error;
    }
    revalidatePath(`/assessments/${id}`);
    if (published) {
      revalidatePath(`/assessments/${id}/publish`);
      // Name the edition it became and link to it, rather than a bare "Published."
      const label = editionLabel(published.year, published.month, await getLocale());
      // Say what went out: a correction is not a new edition, and approved translations go with it.
      const as = published.version > 1 ? t('workflow.publishedAsCorrection', { label, version: published.version }) : t('workflow.publishedAs', { label });
      const along = translated.length > 0 ? ` ${t('workflow.publishedWithTranslations', { languages: translated.map((l) => t(`profiles.languages.${l as 'en'}`)).join(', ') })}` : '';
      return { ok: true, message: `${as}${along}`, data: { href: await publishedHref(actor, id) } };
    }
    return { ok: true, message: t(`workflow.done.${action}`) };
  },
);
