import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret with a readable prefix (e.g. `mgi_…`). */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens carry 256 bits of randomness, so a fast hash is enough to make a stolen
 * table useless; a slow password hash would only slow every API request.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
