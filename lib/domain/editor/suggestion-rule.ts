import { extractSuggestions, rejectAllSuggestions, type OpenSuggestion } from './suggestions';

/*
 * The rule for a person who may only suggest: they may add, change or
 * withdraw their own suggestions and nothing else. Checked by the live-editing
 * server on every change such a person sends (and by the editor before it
 * sends one, to say why at once). Pure: both documents are ProseMirror JSON.
 */

/** How far from the server's clock a new suggestion's time may be: a day either way, for clocks set wrong. */
export const SUGGESTION_CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

export type SuggestRuleVerdict =
  | { ok: true }
  | { ok: false; reason: 'text_changed' | 'others_suggestion' | 'forged_author'; suggestionId?: string };

/** What identifies a suggestion's content and attribution; its position may move with the text around it. */
const fingerprint = (s: OpenSuggestion) => JSON.stringify([s.kind, s.authorIds, s.authorName, s.at, s.comment, s.inserted, s.deleted, s.anchor]);

/**
 * `signer`, when given (the live server, and the editor before it sends), is who
 * the sender is by the server's account and the time now: a new suggestion must
 * carry their name and a time near now. Without it only the author ids are compared.
 */
export function checkSuggestOnlyChange(before: unknown, after: unknown, userId: string, signer?: { name: string; now: Date }): SuggestRuleVerdict {
  // 1. Rejecting every suggestion must give exactly the text it gave before: no plain edits,
  //    no accepted suggestion, no formatting, no structure.
  if (JSON.stringify(rejectAllSuggestions(before)) !== JSON.stringify(rejectAllSuggestions(after))) return { ok: false, reason: 'text_changed' };
  //    Nor new blocks: the library suggests Enter at the end of a bullet as a new bullet that
  //    rejecting would remove, so the check above lets it through; structure is edited, not
  //    suggested (README, Suggestions). Fewer blocks pass here: withdrawing one's own suggested
  //    bullet removes it (and a join of real text fails the check above).
  if (blockCount(after) > blockCount(before)) return { ok: false, reason: 'text_changed' };
  // 2. Every suggestion that appeared, changed or went away is theirs, before and after.
  const old = new Map(extractSuggestions(before).map((s) => [s.id, s]));
  const now = new Map(extractSuggestions(after).map((s) => [s.id, s]));
  const mine = (s: OpenSuggestion | undefined) => !s || (s.authorIds.length === 1 && s.authorIds[0] === userId);
  for (const id of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(id);
    const b = now.get(id);
    if (a && b && fingerprint(a) === fingerprint(b)) continue;
    if (!mine(a)) return { ok: false, reason: 'others_suggestion', suggestionId: id };
    if (!mine(b)) return { ok: false, reason: 'forged_author', suggestionId: id };
    // 3. Who and when a suggestion says it is by: the name and time of its first keystroke, never
    //    rewritten afterwards (the display name and time people read beside it, and in the emails).
    if (b && a && (b.authorName !== a.authorName || b.at !== a.at)) return { ok: false, reason: 'forged_author', suggestionId: id };
    if (b && !a && signer && !(b.authorName === signer.name && nearNow(b.at, signer.now))) return { ok: false, reason: 'forged_author', suggestionId: id };
  }
  return { ok: true };
}

/** Whether an ISO time lies within the clock slack of `now`. */
function nearNow(at: string | null, now: Date): boolean {
  const time = at === null ? NaN : Date.parse(at);
  return Number.isFinite(time) && Math.abs(time - now.getTime()) <= SUGGESTION_CLOCK_SLACK_MS;
}

/** How many nodes other than text a document holds: Enter adds some. */
function blockCount(node: unknown): number {
  const { type, content } = (node ?? {}) as { type?: string; content?: unknown[] };
  return type === 'text' ? 0 : 1 + (content ?? []).reduce<number>((n, child) => n + blockCount(child), 0);
}
