/**
 * The reader's time zone, as their browser names it, kept in a cookie so that
 * times rendered on the server (comments, history, inbox) read as the ones the
 * browser formats itself (the suggestion list): components/intl/time-zone-cookie.tsx
 * writes it, i18n/request.ts reads it for the app's pages.
 */
export const timeZoneCookieName = 'MGI_TZ';

// The longest IANA name is about 32 characters; a cookie anyone can write gets no further than this.
const MAX_LENGTH = 64;
// IANA names are letters, digits and _ + - / (America/Port-au-Prince, Etc/GMT+5). This keeps out
// offsets (+05:00), which some engines accept and others throw on, and anything odd to put in a cookie.
const NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * The time zone a cookie value names, in the form Intl gives it back
 * ("america/lima" is "America/Lima", "US/Eastern" "America/New_York"), or
 * null for a missing, over-long or unknown one. Never throws: the value comes
 * from the request.
 */
export function readTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH || !NAME.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
