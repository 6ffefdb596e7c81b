import { z } from 'zod';
import { emailSchema } from './admin-schemas';
import { locales } from './locales';
import { withoutNul } from './plain-text';
import { MAX_ORGANISATION_LENGTH } from './roles';

/** A calendar day, YYYY-MM-DD, that exists. */
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (v: string) => dayPattern.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * Inviting a consultation reviewer, from the jurisdiction's page or the API.
 * `until` is the last day (UTC) on which the role holds; empty means no end.
 * `language` is the invitation's, and becomes the new account's language.
 */
export const reviewerInviteSchema = z.object({
  email: emailSchema,
  name: withoutNul(z.string({ message: 'validation.required' }))
    .trim()
    .min(1, { message: 'validation.required' })
    .max(200, { message: 'validation.tooLong' }),
  organisation: withoutNul(z.string())
    .trim()
    .max(MAX_ORGANISATION_LENGTH, { message: 'validation.tooLong' })
    .nullish()
    .transform((v) => v || null),
  until: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isRealDay(v), { message: 'validation.date' }),
  language: z.enum(locales, { message: 'validation.invalidChoice' }),
});
export type ReviewerInvite = z.infer<typeof reviewerInviteSchema>;

/** The moment a reviewer's role lapses: the end of their last day, UTC. */
export function lapsesAt(until: string): Date {
  const d = new Date(`${until}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** The last day a role held until `expiresAt` is in force, as YYYY-MM-DD. */
export function lastDay(expiresAt: Date): string {
  return new Date(expiresAt.getTime() - 1).toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) in words, in the reader's language: "31 March 2027". */
export function dayInWords(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
