import type { z } from 'zod';

/*
 * PostgreSQL cannot store U+0000 in text or jsonb: a string holding it fails
 * at the database with a 500. Every text field is therefore checked on the way
 * in, by the shared schemas (forms, API, CLI) and by the API's body reader.
 */

export const NUL = '\u0000';

export function holdsNul(value: string): boolean {
  return value.includes(NUL);
}

/** Catalog key of the message (lib/domain/admin-schemas.ts convention). */
export const NUL_MESSAGE_KEY = 'validation.nulCharacter';

/** A string schema that also refuses U+0000, with a catalog-key message. */
export function withoutNul<S extends z.ZodString>(schema: S): S {
  return schema.refine((v) => !holdsNul(v), { message: NUL_MESSAGE_KEY }) as S;
}
