import { diffWordsWithSpace } from 'diff';
import { plainText } from './editor/doc-text';

export type DiffPiece = { text: string; kind: 'same' | 'added' | 'removed' };

/**
 * Word-level changes between two documents' text (list markers included, one
 * block per line). The left side shows what was removed, the right what was added.
 */
export function diffDocs(older: unknown, newer: unknown): { left: DiffPiece[]; right: DiffPiece[] } {
  const changes = diffWordsWithSpace(plainText(older), plainText(newer));
  const left: DiffPiece[] = [];
  const right: DiffPiece[] = [];
  for (const c of changes) {
    if (c.added) right.push({ text: c.value, kind: 'added' });
    else if (c.removed) left.push({ text: c.value, kind: 'removed' });
    else {
      left.push({ text: c.value, kind: 'same' });
      right.push({ text: c.value, kind: 'same' });
    }
  }
  return { left, right };
}
