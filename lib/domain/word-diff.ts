import { diffWordsWithSpace, type ChangeObject } from 'diff';
import { plainText } from './editor/doc-text';

export type DiffPiece = { text: string; kind: 'same' | 'added' | 'removed' };

/** Spaces within a line: a change on either side of them reads as one change. */
const GAP = /^[ \t\u00a0]+$/;

function sharedTrailingSpace(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n] && /[ \t\u00a0]/.test(a[a.length - 1 - n]!)) n++;
  return a.slice(a.length - n);
}

/**
 * One piece per run of change: "ventanilla única" → "oficina de atención"
 * comes out of the word diff as four changes split by the spaces the two have
 * in common, which reads as noise; it is one removal and one addition. The
 * spaces go into both, so each side still gives back its text exactly.
 */
function runs(changes: ChangeObject<string>[]): DiffPiece[] {
  const pieces: DiffPiece[] = [];
  let removed = '';
  let added = '';
  let gap = '';
  const push = (text: string, kind: DiffPiece['kind']) => {
    if (!text) return;
    const last = pieces.at(-1);
    if (last?.kind === kind) last.text += text;
    else pieces.push({ text, kind });
  };
  /** Ends the run; the spaces both sides end with go back to the unchanged text after it. */
  const flush = (after: string) => {
    const shared = removed && added ? sharedTrailingSpace(removed, added) : '';
    push(removed.slice(0, removed.length - shared.length), 'removed');
    push(added.slice(0, added.length - shared.length), 'added');
    removed = added = '';
    push(shared + after, 'same');
  };
  for (const c of changes) {
    if (c.added || c.removed) {
      removed += gap;
      added += gap;
      gap = '';
      if (c.added) added += c.value;
      else removed += c.value;
    } else if ((removed || added) && GAP.test(c.value)) {
      gap = c.value; // held: the next piece says whether the run goes on
    } else {
      flush(gap + c.value);
      gap = '';
    }
  }
  flush(gap);
  return pieces;
}

/** The word-level changes between two documents' text, in reading order (removed words before the added ones that replace them). */
export function inlineDiff(older: unknown, newer: unknown): DiffPiece[] {
  return runs(diffWordsWithSpace(plainText(older), plainText(newer)));
}

/**
 * Word-level changes between two documents' text (list markers included, one
 * block per line). The left side shows what was removed, the right what was added.
 */
export function diffDocs(older: unknown, newer: unknown): { left: DiffPiece[]; right: DiffPiece[] } {
  const pieces = inlineDiff(older, newer);
  return { left: pieces.filter((p) => p.kind !== 'added'), right: pieces.filter((p) => p.kind !== 'removed') };
}
