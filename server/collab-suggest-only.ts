import type { Document } from '@hocuspocus/server';
import { logRefusal } from '../lib/audit/refusals';
import { checkYDoc } from '../lib/collab/yjs-doc';
import { checkSuggestOnlyChange } from '../lib/domain/editor/suggestion-rule';
import type { Actor } from '../lib/policy';
import { Refused } from './collab-connection';

/**
 * The close code of a change refused because its sender may only suggest and
 * it does more than add, change or withdraw their own suggestions: the editor
 * reconnects and takes the server's text again, without the change.
 */
export const SUGGESTIONS_ONLY = { code: 4422, reason: 'suggestions-only' } as const;

class NotOnlySuggestions extends Refused {
  override readonly code = SUGGESTIONS_ONLY.code;
  override readonly reason = SUGGESTIONS_ONLY.reason;
}

/**
 * Refuses (and logs) the change of someone who may only suggest, unless it
 * follows the suggest-only rule (lib/domain/editor/suggestion-rule.ts):
 * `document` is the live document before the change, `after` the text it would make.
 */
export function assertOnlySuggestions(document: Document, after: unknown, actor: Actor): void {
  // Rejecting every suggestion must give the text as it was, only their own suggestions may have
  // appeared, changed or gone, and a new one must carry their name as the server knows it.
  const before = checkYDoc(document);
  const verdict = before.ok ? checkSuggestOnlyChange(before.doc, after, actor.userId, { name: actor.name, now: new Date() }) : ({ ok: false, reason: 'text_changed' } as const);
  if (!verdict.ok) {
    logRefusal({ via: 'live', actor, what: `live change to ${document.name}`, code: `suggestions_only:${verdict.reason}`, status: 403 });
    throw new NotOnlySuggestions();
  }
}
