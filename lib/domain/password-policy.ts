import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Length is the rule that matters (NIST 800-63B); no composition rules. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: 'validation.passwordTooShort' })
  .max(PASSWORD_MAX, { message: 'validation.passwordTooLong' });
