import { z } from 'zod';
import { isCountryCode } from './countries';
import { passwordSchema } from './password-policy';
import { withoutNul } from './plain-text';
import { MAX_INVITE_ROLES, jurisdictionLevels, jurisdictionRoles, staffRoles } from './roles';

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

/** An ISO 3166-1 alpha-2 code, picked from the list the form names in the reader's language. */
export const countryCodeSchema = z
  .string({ message: 'validation.countryChoice' })
  .trim()
  .toUpperCase()
  .refine((v): boolean => isCountryCode(v), { message: 'validation.countryChoice' });

export const jurisdictionInputSchema = z.object({
  name: trimmed(200),
  slug: slugSchema,
  level: z.enum(jurisdictionLevels, { message: 'validation.invalidChoice' }),
  country: countryCodeSchema,
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

const inviteRoleSchema = z.object({
  jurisdictionId: z.uuid({ message: 'validation.invalidChoice' }),
  role: z.enum(staffRoles, { message: 'validation.invalidChoice' }),
});

/**
 * The form sends its role rows as `roles.N.jurisdictionId` and `roles.N.role`;
 * a row without a jurisdiction is an unused row. The API may send `roles` as
 * an array. Rows naming the same role twice count once.
 */
function collectRoles(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray((input as { roles?: unknown }).roles)) return input;
  const values = input as Record<string, unknown>;
  const rows = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(values)) {
    const m = /^roles\.(\d{1,3})\.(jurisdictionId|role)$/.exec(key);
    if (!m) continue;
    const row = rows.get(m[1]) ?? {};
    row[m[2]] = value;
    rows.set(m[1], row);
  }
  const roles = [...rows.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, row]) => row)
    .filter((row) => row.jurisdictionId !== '' && row.jurisdictionId !== undefined);
  return { ...values, roles };
}

export const inviteUserSchema = z.preprocess(
  collectRoles,
  z.object({
    email: emailSchema,
    name: trimmed(200),
    isAdmin: checkbox,
    roles: z
      .array(inviteRoleSchema)
      .max(MAX_INVITE_ROLES, { message: 'validation.tooMany' })
      .default([])
      .transform((roles) => [...new Map(roles.map((r) => [`${r.jurisdictionId}:${r.role}`, r])).values()]),
  }),
);
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

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
