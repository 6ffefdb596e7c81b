import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, isTransactionOrigin, type Document, type onAuthenticatePayload } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import * as Y from 'yjs';
import { actorFromCookies } from '../lib/auth/cookie-actor';
import { caretColor } from '../lib/collab/caret-color';
import { parseCollabDocName, SNAPSHOT_PLEASE, STORE_NOW } from '../lib/collab/doc-name';
import { registerLiveParts, type LiveParts, type RightsScope } from '../lib/collab/live-registry';
import { checkUpdate, checkYDoc, replaceYContent } from '../lib/collab/yjs-doc';
import { liveAccess, liveStateOf, loadLiveState, storeLivePart } from '../lib/data/live-parts';
import { Refused, type Context } from './collab-connection';
import { contributorsInMemory, type ContributorLog } from './collab-contributors';
import { SharedDocuments } from './collab-redis';
import { mayChangeNow, recheck, RECHECK_EVERY_MS, recheckConnections, sessionActor } from './collab-rights';
import { assertOnlySuggestions } from './collab-suggest-only';

/** The URL path of the live-editing WebSocket, on the app's own port. */
export const COLLAB_PATH = '/collab';
/** No single message may be larger: far above any typing, far below what would hurt the server. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** The next text of a live document, from the one it holds (null: unreadable); null leaves it as it is. */
type NextText = (current: unknown | null) => unknown | null;

/** The text a live document holds now, or null when it is not valid. */
function heldText(document: Y.Doc): unknown | null {
  const check = checkYDoc(document);
  return check.ok ? check.doc : null;
}

/** The Yjs update a client message carries, or null when it changes nothing (awareness, sync step 1…). */
function carriedUpdate(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // document address
  const type = decoding.readVarUint(decoder);
  if (type !== 0 && type !== 4) return null; // Sync, SyncReply
  if (decoding.readVarUint(decoder) === messageYjsSyncStep1) return null;
  return decoding.readVarUint8Array(decoder);
}

/** Same-origin handshakes only: a page elsewhere cannot ride on the person's cookie. */
function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false;
  }
}

/**
 * The live-editing server: Hocuspocus, mounted on the app's HTTP server at
 * /collab. Each connection is the person of the session cookie, authorized per
 * part through lib/policy as the section's GET and PUT are: may edit → read
 * and write; may only suggest → read and write, every change checked against
 * the suggest-only rule; may only read → read-only; no role → refused, with no
 * hint that the profile exists. Every change is checked on arrival (rights, and the
 * document it would make, validated on a copy as a saved document is) and
 * refused whole when it fails; stored documents become revisions
 * (lib/data/live-parts.ts).
 */
export function createCollabServer(options: { debounce?: number; maxDebounce?: number; redisUrl?: string; redisPrefix?: string; recheckEveryMs?: number } = {}) {
  // Several instances (REDIS_URL): they share open documents, the store lock and the contributors through Redis.
  const shared = options.redisUrl ? new SharedDocuments(options.redisUrl, options.redisPrefix ?? 'mgi') : null;
  const contributors: ContributorLog = shared?.contributors ?? contributorsInMemory();
  /** Stores outside Hocuspocus's own debounce (store now, shutdown) hold the same lock as it does. */
  const exclusively = <T>(document: Document, run: () => Promise<T>) =>
    document.saveMutex.runExclusive(() => (shared ? shared.exclusively(document.name, run) : run()));

  /** Stores a live document (lib/data/live-parts.ts); its revision, or null when its text is not valid. */
  async function store(document: Document): Promise<number | null> {
    const documentName = document.name;
    const ref = parseCollabDocName(documentName)!;
    const check = checkYDoc(document);
    if (!check.ok) {
      // Updates are checked one by one; should two valid ones ever combine into an invalid
      // text, it is not stored (the last valid revision stays) and the log says why.
      console.error(`Live document ${documentName} not stored: ${check.message}`);
      return null;
    }
    const state = Y.encodeStateAsUpdate(document);
    const authors = await contributors.take(documentName);
    try {
      const { revision, changed } = await storeLivePart(ref, { doc: check.doc, state, contributors: authors });
      // No revision made (that text is stored already, by another instance maybe): they belong to the next one.
      if (!changed) await contributors.putBack(documentName, authors);
      return revision;
    } catch (error) {
      // Kept for the next try: Hocuspocus keeps the document in memory when storing fails.
      await contributors.putBack(documentName, authors);
      throw error;
    }
  }

  const hocuspocus = new Hocuspocus<Context>({
    quiet: true,
    extensions: shared ? [shared] : [],
    // Store when typing pauses, and at least every 10 s while it does not.
    debounce: options.debounce ?? 2000,
    maxDebounce: options.maxDebounce ?? 10_000,

    async onAuthenticate({ documentName, context, connectionConfig }: onAuthenticatePayload<Context>) {
      const ref = parseCollabDocName(documentName);
      if (!ref || !context.actor) throw new Refused();
      // The person as they are now, not as at the handshake: a socket outlives it, and can ask for
      // parts long after its session ended (logout, deactivation) or its roles changed. The socket
      // may hold no open part meanwhile, where no check of open connections would find it.
      const actor = await sessionActor(context).catch(() => null);
      if (!actor) throw new Refused();
      try {
        connectionConfig.readOnly = (await liveAccess(actor, ref)) === 'read';
      } catch {
        throw new Refused();
      }
      // The part's connection (and onLoadDocument, next) works with this actor.
      return { actor };
    },

    // A right changed between the handshake and the moment the connection joined its document
    // (while the document loaded) was announced when the connection was in no document yet, so
    // no one judged it: judge it once more now that it is there. From here on announcements find it.
    async connected({ connection }) {
      if (!(connection.context as Context).internal) void recheck(connection);
    },

    async onLoadDocument({ documentName, context }) {
      const ref = parseCollabDocName(documentName)!;
      return context.internal ? liveStateOf(ref) : loadLiveState(context.actor, ref);
    },

    async beforeHandleMessage({ connection, document, update: message, context }) {
      if (connection.readOnly) return; // Hocuspocus refuses their changes itself
      if (message.byteLength > MAX_MESSAGE_BYTES) throw new Refused();
      let update: Uint8Array | null;
      try {
        update = carriedUpdate(message);
      } catch {
        throw new Refused();
      }
      if (!update) return;
      const { actor, may } = await mayChangeNow(context, parseCollabDocName(document.name)!);
      context.actor = actor;
      const check = checkUpdate(document, update);
      if (!check.ok) {
        console.warn(`Live edit refused on ${document.name}: ${check.message}`);
        throw new Refused();
      }
      if (may === 'suggest') assertOnlySuggestions(document, check.doc, actor);
    },

    async onChange({ instance, document, documentName, context, connection, transactionOrigin }) {
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') {
        // A change made on another instance is stored here too (Hocuspocus would not): that
        // instance may have stored before this one's last changes reached it, and whichever
        // stores last then stores everything. The lock keeps the stores apart; a store of a
        // text already stored makes no revision.
        instance.storeDocumentHooks(document, {
          instance,
          document,
          documentName,
          clientsCount: document.getConnectionsCount(),
          lastContext: {},
          lastTransactionOrigin: transactionOrigin,
        });
        return;
      }
      if (!connection || !context?.actor) return;
      contributors.add(documentName, context.actor.userId);
    },

    async beforeHandleAwareness({ states, context }) {
      // Carets carry the name the server knows, whatever the client says.
      if (!context?.actor) return;
      for (const state of states.values()) {
        if (state && typeof state === 'object') {
          const user = (state as { user?: Record<string, unknown> }).user;
          (state as { user?: Record<string, unknown> }).user = { ...(user ?? {}), name: context.actor.name, color: caretColor(context.actor.userId) };
        }
      }
    },

    async onStoreDocument({ document }) {
      await store(document);
    },

    async onStateless({ payload, document, connection }) {
      // "Store now" (before a comment is anchored: the server must find the passage this
      // editor or reader sees): the answer names the revision the stored text has.
      if (payload === SNAPSHOT_PLEASE) {
        // What this server holds, so the editor can tell "Saved" from "still sending".
        connection.sendStateless(JSON.stringify({ snapshot: Buffer.from(Y.encodeSnapshot(Y.snapshot(document))).toString('base64') }));
        return;
      }
      // Readers ask too, before they comment on what others typed: storing adds nothing of theirs.
      if (payload !== STORE_NOW) return;
      const revision = await exclusively(document, () => store(document));
      connection.sendStateless(JSON.stringify({ stored: revision }));
    },
  });

  /**
   * A save made here, for a part open only on other instances: it is opened here
   * for a moment (catching up with their copy), changed, and the change reaches
   * them through Redis as any other does. Only one instance changes it, so the
   * text is not inserted twice. `change` gets the text as it stands on those
   * instances (with what their editors typed and nobody stored yet).
   */
  async function changeElsewhere(docName: string, change: NextText) {
    if (!shared || !(await shared.isOpenAnywhere(docName))) return; // its stored state has moved on already
    const direct = await hocuspocus.openDirectConnection(docName, { internal: true } as Context);
    try {
      await direct.transact((live) => {
        const next = change(heldText(live));
        if (next !== null) replaceYContent(live, next);
      });
    } finally {
      await direct.disconnect();
    }
  }

  /** Applies `change` to the live document of that name as it stands, here or on the instances that have it open. */
  function changeWhereOpen(docName: string, change: NextText) {
    const live: Document | undefined = hocuspocus.documents.get(docName);
    if (live) {
      // Still loading: it loads the stored state, which has moved on already.
      if (live.isLoading) return;
      const next = change(heldText(live));
      if (next !== null) replaceYContent(live, next, { source: 'local' });
      return;
    }
    changeElsewhere(docName, change).catch((error: unknown) => console.error(`A save did not reach the editors of ${docName} on other instances`, error));
  }

  /** Judges again the open connections a change of rights touches (all of them without a scope). */
  const recheckOpen = (scope?: RightsScope) => recheckConnections(hocuspocus.documents, scope);
  const rechecking = setInterval(() => recheckOpen(), options.recheckEveryMs ?? RECHECK_EVERY_MS);
  rechecking.unref();

  // One live server per process in production; tests start others beside it (lib/collab/live-registry.ts).
  const registered: LiveParts = {
    // Saves made elsewhere in this process reach open editors, on any instance: an API save or a
    // restore replaces the text (what it says is the whole text wanted, as of its revision) …
    applySaved(docName, doc) {
      changeWhereOpen(docName, () => doc);
    },
    // … a comment mark or a decided suggestion changes the text as it stands there (not when unreadable).
    applyChange(docName, change) {
      changeWhereOpen(docName, (current) => (current === null ? null : change(current)));
    },
    async amendLive(docName, change, persist, undo) {
      const live: Document | undefined = hocuspocus.documents.get(docName);
      if (!live || live.isLoading) return null;
      return exclusively(live, async () => {
        // What was typed so far becomes its typists' revision; the amendment is no one's edit.
        await store(live);
        const now = checkYDoc(live);
        if (!now.ok) throw new Error(`The live text of ${docName} is not valid: ${now.message}`);
        // Synchronously from reading to writing: no change from a connection can come in between.
        const after = change(now.doc);
        replaceYContent(live, after, { source: 'local' });
        const state = Y.encodeStateAsUpdate(live);
        try {
          return { value: await persist(after, state) };
        } catch (error) {
          const then = checkYDoc(live);
          if (then.ok) replaceYContent(live, undo(then.doc), { source: 'local' });
          throw error;
        }
      });
    },
    currentDoc(docName) {
      const live: Document | undefined = hocuspocus.documents.get(docName);
      if (!live || live.isLoading) return null;
      const now = checkYDoc(live);
      return now.ok ? now.doc : null;
    },
    async changeLive(docName, change, by) {
      const live: Document | undefined = hocuspocus.documents.get(docName);
      if (!live || live.isLoading) return null;
      const now = checkYDoc(live);
      if (!now.ok) return null;
      const after = change(now.doc);
      if (JSON.stringify(after) === JSON.stringify(now.doc)) return { before: now.doc, after, revision: null };
      // Synchronously from reading to writing: no change from a connection can come in between.
      replaceYContent(live, after, { source: 'local' });
      contributors.add(docName, by);
      const revision = await exclusively(live, () => store(live));
      return { before: now.doc, after, revision };
    },
    // Rights changed in this process (workflow, roles, accounts) cut live editing now, here and on the other instances.
    rightsChanged(scope) {
      recheckOpen(scope);
      shared?.announceRights(scope);
    },
  };
  const unregister = registerLiveParts(registered);
  // Rights changed on another instance: the connections here are judged again at once too.
  const ready = shared
    ? shared
        .listenForRights(recheckOpen)
        .catch((error: unknown) => console.error('Redis: not listening for changes of rights (the periodic check remains)', error))
    : Promise.resolve();

  const ws = crossws({
    serverOptions: { maxPayload: MAX_MESSAGE_BYTES },
    hooks: {
      async upgrade(request) {
        if (!sameOrigin(request.headers)) return new Response('Forbidden', { status: 403 });
        const who = await actorFromCookies(request.headers.get('cookie'));
        if (!who) return new Response('Unauthorized', { status: 401 });
        return { context: { ...who } };
      },
      open(peer) {
        const context = peer.context as unknown as Context;
        const client = hocuspocus.handleConnection(peer.websocket as never, peer.request as Request, { actor: context.actor, sid: context.sid });
        (peer as unknown as { hocuspocus?: typeof client }).hocuspocus = client;
      },
      message(peer, message) {
        (peer as unknown as { hocuspocus?: { handleMessage(data: Uint8Array): void } }).hocuspocus?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        (peer as unknown as { hocuspocus?: { handleClose(e: { code?: number; reason?: string }): void } }).hocuspocus?.handleClose({
          code: event.code,
          reason: event.reason,
        });
      },
    },
  });

  return {
    hocuspocus,
    /** Resolves once this instance hears the other instances' notices (at once without Redis). */
    ready,
    /** For the HTTP server's `upgrade` event: /collab is ours, anything else is closed. */
    handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) {
        socket.destroy();
        return;
      }
      void ws.handleUpgrade(req, socket, head);
    },
    /** Stores every open document now and closes every connection (shutdown, tests). */
    async close() {
      unregister();
      clearInterval(rechecking);
      const open = [...hocuspocus.documents.values()].filter((d) => !d.isLoading);
      await Promise.allSettled(open.map((d) => exclusively(d, () => store(d))));
      hocuspocus.closeConnections();
      ws.closeAll?.();
      if (shared) {
        // Documents leave Redis as they unload (about a second after their last connection): let them, briefly.
        for (let waited = 0; hocuspocus.documents.size > 0 && waited < 3000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        await shared.onDestroy();
      }
    },
  };
}
