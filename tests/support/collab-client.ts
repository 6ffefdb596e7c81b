import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encode } from 'next-auth/jwt';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSession } from '../../lib/data/sessions';
import { requireAuthSecret } from '../../lib/env';
import { createCollabServer } from '../../server/collab';

/** The session cookie a browser of this user would send (a live session row behind it). */
export async function sessionCookie(userId: string): Promise<string> {
  return (await session(userId)).cookie;
}

/** A new session of this user: its cookie, and its id (to end it as logging out does). */
export async function session(userId: string): Promise<{ cookie: string; sid: string }> {
  const sid = await createSession(userId, 'test');
  const token = await encode({ token: { sub: userId, sid }, secret: requireAuthSecret(), maxAge: 3600 });
  return { cookie: `next-auth.session-token=${token}`, sid };
}

/** The live-editing server on an HTTP server of its own, on a free port. */
/** `redisUrl`: instances sharing documents; `recheckEveryMs`: how often open connections are judged again. */
export async function startCollab(options: { redisUrl?: string; redisPrefix?: string; recheckEveryMs?: number; debounce?: number; maxDebounce?: number } = {}) {
  const collab = createCollabServer({ debounce: 50, maxDebounce: 200, ...options });
  await collab.ready;
  const server = http.createServer((_req, res) => res.writeHead(404).end()).on('upgrade', collab.handleUpgrade);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    collab,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    async stop() {
      await collab.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A WebSocket class that sends the person's cookie and the page's origin, as a browser does. */
export function browserLikeSocket(cookie: string, origin: string) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie, origin } });
    }
  };
}

/** An editor's connection, as @hocuspocus/provider makes it in the browser. */
export async function openProvider(url: string, cookie: string, name: string) {
  const origin = url.replace(/^ws/, 'http').replace(/\/collab$/, '');
  const document = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: browserLikeSocket(cookie, origin) });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token: 'session' });
  provider.attach(); // a socket of our own making is not attached by the provider
  const outcome = await new Promise<'synced' | 'denied'>((resolve) => {
    provider.on('synced', () => resolve('synced'));
    provider.on('authenticationFailed', () => resolve('denied'));
  });
  return {
    provider,
    document,
    outcome,
    text: () => document.getXmlFragment('default').toString(),
    close() {
      provider.destroy();
      socket.destroy();
    },
  };
}

type Received = { type: number; body: decoding.Decoder };

/**
 * A hand-made client speaking the Hocuspocus protocol over a raw WebSocket,
 * to send what no editor would.
 */
export async function rawClient(url: string, headers: Record<string, string>) {
  const ws = new WebSocket(url, { headers });
  const inbox: Received[] = [];
  let wake: (() => void) | null = null;
  let closed: { code: number } | null = null;
  /** The reason of the last document-level CLOSE message the server sent (Hocuspocus's own). */
  let closeReason: string | null = null;
  ws.on('message', (data: Buffer) => {
    const body = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(body);
    inbox.push({ type: decoding.readVarUint(body), body });
    wake?.();
  });
  ws.on('close', (code) => {
    closed = { code };
    wake?.();
  });
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('unexpected-response', () => resolve(false));
    ws.once('error', () => resolve(false));
  });

  async function next(type: number | number[], timeoutMs = 10_000): Promise<Received | null> {
    const types = Array.isArray(type) ? type : [type];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = inbox.findIndex((m) => types.includes(m.type));
      if (at >= 0) return inbox.splice(at, 1)[0];
      if (closed || Date.now() > deadline) return null;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  function send(name: string, write: (e: encoding.Encoder) => void) {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    write(e);
    ws.send(encoding.toUint8Array(e));
  }

  return {
    opened,
    ws,
    closed: () => closed,
    closeReason: () => closeReason,
    /** Authenticates for a document: 'read-write', 'readonly', or 'denied'. */
    async auth(name: string): Promise<string> {
      send(name, (e) => {
        encoding.writeVarUint(e, 2); // Auth
        encoding.writeVarUint(e, 0); // Token
        encoding.writeVarString(e, 'session');
      });
      const reply = await next(2);
      if (!reply) return 'no answer';
      const kind = decoding.readVarUint(reply.body);
      return kind === 2 ? decoding.readVarString(reply.body) : 'denied';
    },
    /** The server's whole document, by sync step 1 with an empty state vector. */
    async fetchState(name: string): Promise<Uint8Array | null> {
      send(name, (e) => {
        encoding.writeVarUint(e, 0); // Sync
        encoding.writeVarUint(e, 0); // step 1
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
      });
      for (;;) {
        const reply = await next([0, 4]);
        if (!reply) return null;
        if (decoding.readVarUint(reply.body) === 1) return decoding.readVarUint8Array(reply.body);
      }
    },
    /** Sends a Yjs update; resolves with the server's answer: applied, refused (read-only), or the connection closed. */
    async sendUpdate(name: string, update: Uint8Array): Promise<'applied' | 'refused' | 'closed'> {
      send(name, (e) => {
        encoding.writeVarUint(e, 0); // Sync
        encoding.writeVarUint(e, 2); // update
        encoding.writeVarUint8Array(e, update);
      });
      const answer = await next([8, 7]); // SyncStatus, or CLOSE
      if (answer?.type === 7) closeReason = decoding.readVarString(answer.body);
      if (!answer || answer.type === 7) return 'closed';
      return decoding.readVarUint(answer.body) === 1 ? 'applied' : 'refused';
    },
    sendRaw(bytes: Uint8Array) {
      ws.send(bytes);
    },
    close: () => ws.close(),
  };
}
