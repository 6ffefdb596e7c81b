import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { renderDocHtml } from '../domain/editor/render-html';
import { COLLAB_FIELD } from './protocol';

/**
 * What someone who may only read sees of a part followed live
 * (components/comments/watch-live-part.ts): its HTML from the shared schema,
 * with the open suggestions inline as the editor shows them (insertions
 * coloured, deletions struck through, with who and when), since they watch
 * the work in progress, not the published text.
 */
export function readerHtml(ydoc: Y.Doc): string {
  return renderDocHtml(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(COLLAB_FIELD)), { suggestions: 'inline' });
}
