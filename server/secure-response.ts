import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { contentSecurityPolicy, inlineScriptHashes, staticSecurityHeaders } from './content-security';
import { unavailableResponse } from './unavailable';

type Headers = http.OutgoingHttpHeaders | http.OutgoingHttpHeader[];

// On libuv's thread pool: compressing a page must not stall other requests.
const gzipAsync = promisify(gzipCallback);

export interface SecureOptions {
  https: boolean;
  /** Asked when an answer is a server error: a database that is away makes it a 503. */
  databaseIsDown: () => Promise<boolean>;
  /**
   * For pages served to everyone from memory: receives the finished page,
   * uncompressed, with the headers a copy needs (its policy lists every inline
   * script by hash, since a copy cannot carry a per-request nonce).
   */
  keep?: (body: Buffer, headers: Record<string, string>) => void;
}

/**
 * Gives a request its nonce and its response the security headers. Next puts
 * the nonce on the scripts of pages it renders for this request, reading it
 * from the request's policy header. An HTML page is held until it is complete
 * so that the scripts it has without the nonce (a page rendered once for
 * everyone) can be listed by hash, then sent, gzipped when the browser takes it.
 * A server error is held too: if the database is away, the reader gets a
 * clear 503 (a page, or JSON for programs) instead of an error page.
 */
export function secureResponse(req: http.IncomingMessage, res: http.ServerResponse, { https, databaseIsDown, keep }: SecureOptions) {
  const nonce = randomBytes(16).toString('base64');
  req.headers['content-security-policy'] = contentSecurityPolicy({ nonce });
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) res.setHeader(name, value);

  // Only documents (and pages to keep) need their scripts hashed; other answers stream as they come.
  const wantsDocument = /\btext\/html\b/.test(String(req.headers.accept ?? ''));
  const holdsHtml = wantsDocument || Boolean(keep);
  const gzip = holdsHtml && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (holdsHtml) delete req.headers['accept-encoding']; // so that the page arrives uncompressed, to be read

  const original = {
    writeHead: res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse,
    flushHeaders: res.flushHeaders.bind(res),
    write: res.write.bind(res) as (...args: unknown[]) => boolean,
    end: res.end.bind(res) as (...args: unknown[]) => http.ServerResponse,
  };
  let mode: 'undecided' | 'hold' | 'pass' = 'undecided';
  const chunks: Buffer[] = [];

  const decide = () => {
    if (mode !== 'undecided') return;
    const type = String(res.getHeader('content-type') ?? '');
    if ((holdsHtml && type.startsWith('text/html') && !res.getHeader('content-encoding')) || res.statusCode >= 500) {
      mode = 'hold';
      return;
    }
    mode = 'pass';
    if (!res.headersSent) res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce }));
  };

  const applyHeaders = (headers: Headers | undefined) => {
    if (!headers) return;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
  };

  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = (typeof rest[0] === 'string' ? rest[1] : rest[0]) as Headers | undefined;
    if (typeof rest[0] === 'string') res.statusMessage = rest[0];
    res.statusCode = status;
    applyHeaders(headers);
    decide();
    return mode === 'hold' ? res : original.writeHead(status);
  }) as typeof res.writeHead;

  res.flushHeaders = () => {
    decide();
    if (mode === 'pass') original.flushHeaders();
  };

  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (mode === 'pass') return original.write(chunk, ...rest);
    if (chunk) chunks.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof res.write;

  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    decide();
    if (mode === 'pass') return original.end(chunk, ...rest);
    if (chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    const callback = [chunk, ...rest].find((r) => typeof r === 'function') as (() => void) | undefined;
    void finish(Buffer.concat(chunks)).then(callback, (error: unknown) => {
      console.error('Could not send a response', error);
      res.destroy();
    });
    return res;
  }) as typeof res.end;

  async function finish(held: Buffer) {
    let content = held;
    if (res.statusCode >= 500 && (await databaseIsDown())) {
      const wantsJson = !wantsDocument || (req.url ?? '').startsWith('/api/');
      const page = unavailableResponse(wantsJson);
      res.statusCode = 503;
      res.setHeader('Content-Type', page.type);
      res.setHeader('Retry-After', '15');
      res.setHeader('Cache-Control', 'no-store');
      res.removeHeader('Content-Encoding');
      content = Buffer.from(page.body);
    }
    const type = String(res.getHeader('content-type') ?? '');
    const isHtml = type.startsWith('text/html') && !res.getHeader('content-encoding');
    const kept = keep && isHtml && res.statusCode === 200 && !res.getHeader('set-cookie');
    // A kept page lists all its inline scripts, for the copies; this answer may use the same list.
    const hashes = isHtml ? inlineScriptHashes(content.toString('utf8'), kept ? undefined : nonce) : [];
    if (kept) keep(content, { 'content-type': type, 'content-security-policy': contentSecurityPolicy({ hashes }) });
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, hashes }));
    const body = isHtml && gzip && content.length > 1024 ? await gzipAsync(content) : content;
    if (body !== content) {
      res.setHeader('Content-Encoding', 'gzip');
      const vary = String(res.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    res.removeHeader('Transfer-Encoding');
    res.setHeader('Content-Length', body.length);
    original.writeHead(res.statusCode);
    await new Promise<void>((resolve) => original.end(req.method === 'HEAD' ? undefined : body, resolve));
  }
}
