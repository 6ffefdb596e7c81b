import { z } from 'zod';
import { passwordSchema } from './password-policy';
import { withoutNul } from './plain-text';
import { jurisdictionLevels, jurisdictionRoles } from './roles';

/*
 * Input schemas shared by server actions, the API and the CLI. Messages are
 * keys into the `validation` message catalog, so every face shows them in the
 * reader's language.
 */

const trimmed = (max: number) =>
  withoutNul(z.string({ message: 'validation.required' }))
    .trim()
    .min(1, { message: 'validation.required' })
    .max(max, { message: 'validation.tooLong' });

export const slugSchema = z
  .string({ message: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(2, { message: 'validation.slugFormat' })
  .max(60, { message: 'validation.slugFormat' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'validation.slugFormat' });

const optionalUuid = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.uuid({ message: 'validation.invalidChoice' }).nullable())
  .optional()
  .transform((v) => v ?? null);

export const jurisdictionInputSchema = z.object({
  name: trimmed(200),
  slug: slugSchema,
  level: z.enum(jurisdictionLevels, { message: 'validation.invalidChoice' }),
  country: trimmed(100),
  parentId: optionalUuid,
});
export type JurisdictionInput = z.infer<typeof jurisdictionInputSchema>;

export const emailSchema = z
  .string({ message: 'validation.required' })
  .trim()
  .toLowerCase()
  .max(320, { message: 'validation.tooLong' })
  .pipe(z.email({ message: 'validation.email' }));

/** HTML checkboxes send "on" when ticked and nothing otherwise. */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: trimmed(200),
  isAdmin: checkbox,
});

export const roleChangeSchema = z.object({
  userId: z.uuid({ message: 'validation.invalidChoice' }),
  jurisdictionId: z.uuid({ message: 'validation.invalidChoice' }),
  role: z.enum(jurisdictionRoles, { message: 'validation.invalidChoice' }),
});

export const setPasswordSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    message: 'validation.passwordsDiffer',
    path: ['confirm'],
  });
