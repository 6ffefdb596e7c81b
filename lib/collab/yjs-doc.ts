import { Node as PMNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { profileSchema } from '../domain/editor/schema';
import { validateProfileDoc, type DocCheck } from '../domain/editor/validate-doc';
import { COLLAB_FIELD } from './protocol';

export { COLLAB_FIELD };

/** The ProseMirror JSON a Yjs document holds, as it stands (untrusted until validated). */
export function yDocJson(ydoc: Y.Doc): unknown {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(COLLAB_FIELD));
}

/** Validates a Yjs document's text exactly as a saved document is validated. */
export function checkYDoc(ydoc: Y.Doc): DocCheck {
  try {
    return validateProfileDoc(yDocJson(ydoc));
  } catch (error) {
    // A hostile update can put things no editor makes (embeds, foreign types) into the fragment.
    return { ok: false, code: 'doc_invalid', message: `The document cannot be read: ${(error as Error).message}.` };
  }
}

/**
 * What `update` would make of `base`, checked on a copy: the live document is
 * touched only by updates that keep it valid.
 */
export function checkUpdate(base: Y.Doc, update: Uint8Array): DocCheck {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(copy, update);
    return checkYDoc(copy);
  } catch (error) {
    return { ok: false, code: 'doc_invalid', message: `The update cannot be applied: ${(error as Error).message}.` };
  } finally {
    copy.destroy();
  }
}

/** A Yjs state holding a (valid) ProseMirror document: the start of a part's live history. */
export function yStateFromJson(doc: unknown): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(profileSchema(), doc, COLLAB_FIELD);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * Makes a Yjs document hold `doc` by the smallest change (unchanged paragraphs
 * stay the same Yjs items), so that a save from elsewhere (the API, a restore,
 * a comment mark) merges with what editors have open instead of replacing it.
 */
export function replaceYContent(ydoc: Y.Doc, doc: unknown, origin?: unknown): void {
  const node = PMNode.fromJSON(profileSchema(), doc);
  ydoc.transact(() => {
    updateYFragment(ydoc, ydoc.getXmlFragment(COLLAB_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  }, origin);
}

/** The stored state moved on to `doc` (for saves made while nobody has the part open live). */
export function nextYState(state: Uint8Array | null, doc: unknown): Uint8Array {
  if (!state) return yStateFromJson(doc);
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    replaceYContent(ydoc, doc);
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}
