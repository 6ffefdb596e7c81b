import { diffWordsWithSpace } from 'diff';
import { plainText } from './editor/doc-text';

export type DiffPiece = { text: string; kind: 'same' | 'added' | 'removed' };

/** The word-level changes between two documents' text, in reading order (removed words before the added ones that replace them). */
export function inlineDiff(older: unknown, newer: unknown): DiffPiece[] {
  return diffWordsWithSpace(plainText(older), plainText(newer)).map((c) => ({
    text: c.value,
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
  }));
}

/**
 * Word-level changes between two documents' text (list markers included, one
 * block per line). The left side shows what was removed, the right what was added.
 */
export function diffDocs(older: unknown, newer: unknown): { left: DiffPiece[]; right: DiffPiece[] } {
  const pieces = inlineDiff(older, newer);
  return { left: pieces.filter((p) => p.kind !== 'added'), right: pieces.filter((p) => p.kind !== 'removed') };
}
