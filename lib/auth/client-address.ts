import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { getEnv } from '../env';
import { parseTrustedProxies, resolveClientAddress, type TrustedProxies } from './trusted-proxies';

/*
 * The client's address, for login and set-password throttling.
 *
 * Next's route handlers are not given the socket, and Next's server only adds
 * `X-Forwarded-For: <socket address>` when the client did not send one itself,
 * so that header proves nothing. The production server (server/main.ts) calls
 * `stampPeerAddress(req)` on every request before handing it to Next: it
 * deletes any client-sent copy of PEER_ADDRESS_HEADER and writes the socket's
 * address there, sealed with a secret that lives only in this process, so a
 * client that reaches a server which forgot to stamp still cannot forge it.
 * Without a stamp the address is unknown (null): throttling then works per
 * account only.
 */
export const PEER_ADDRESS_HEADER = 'x-mgi-peer-address';

const SECRET = Symbol.for('mgi.peerAddressSecret');
/** Shared through globalThis: server/main.ts and Next's route bundles are separate module graphs in one process. */
function processSecret(): string {
  const store = globalThis as { [SECRET]?: string };
  return (store[SECRET] ??= randomBytes(24).toString('base64url'));
}

/**
 * For the HTTP server, first thing on every request: replaces whatever the
 * client sent as PEER_ADDRESS_HEADER with the socket's own address.
 */
export function stampPeerAddress(req: { headers: IncomingMessage['headers']; socket: { remoteAddress?: string } }): void {
  delete req.headers[PEER_ADDRESS_HEADER];
  const address = req.socket.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = `${processSecret()} ${address}`;
}

/** The socket address stamped by our server, or null when the header is missing or not ours. */
export function stampedPeerAddress(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const space = value.indexOf(' ');
  if (space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const secret = Buffer.from(processSecret());
  if (given.length !== secret.length || !timingSafeEqual(given, secret)) return null;
  return value.slice(space + 1);
}

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function header(headers: HeaderBag, name: string): string | null {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
}

/** The client address of a request with these headers, given which proxies we trust. */
export function clientAddressFrom(headers: HeaderBag, trusted: TrustedProxies): string | null {
  return resolveClientAddress(stampedPeerAddress(header(headers, PEER_ADDRESS_HEADER)), header(headers, 'x-forwarded-for'), trusted);
}

let trustedCache: { setting: string; list: TrustedProxies } | undefined;

/** The client address of a request, with the proxies named in TRUSTED_PROXIES. */
export function clientAddress(headers: HeaderBag): string | null {
  const setting = getEnv().TRUSTED_PROXIES;
  if (trustedCache?.setting !== setting) trustedCache = { setting, list: parseTrustedProxies(setting) };
  return clientAddressFrom(headers, trustedCache.list);
}
