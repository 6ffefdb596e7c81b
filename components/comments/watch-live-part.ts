import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { storeNow } from '@/components/editor/store-now';
import { readerHtml } from '@/lib/collab/reader-html';


/**
 * A part followed live by someone who may only read it: the same /collab
 * connection an editor opens (the server lets it in read-only and refuses
 * anything it would send), turned into the part's HTML, rendered from the
 * shared schema as the server renders a stored part, each time it changes,
 * with its open suggestions shown inline as in the editor (a reader watches the work in progress).
 * Nothing is kept in this browser: a reader has nothing of their own to keep.
 * Loaded on demand: the section page stays within its script budget.
 */
export function watchLivePart(docName: string, onHtml: (html: string) => void) {
  const ydoc = new Y.Doc();
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  // The session cookie authenticates the handshake; the token only satisfies the protocol. No awareness: a reader has no caret.
  const provider = new HocuspocusProvider({ url: `${protocol}//${window.location.host}/collab`, name: docName, document: ydoc, token: 'session', awareness: null });
  const render = () => {
    if (!provider.isSynced) return; // an empty document until the server's arrives
    try {
      onHtml(readerHtml(ydoc));
    } catch {
      // The server lets only valid text through; should it ever fail here, the last good view stays.
    }
  };
  ydoc.on('update', render);
  provider.on('synced', render);

  return {
    /** Has the server store the part now (so a comment finds the passage seen here): its revision, or null. */
    storeNow: () => storeNow(provider, { afterOwnChanges: false }),
    destroy() {
      provider.destroy();
      ydoc.destroy();
    },
  };
}
