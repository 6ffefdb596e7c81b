import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy, inlineScriptHashes, staticSecurityHeaders } from './content-security';

type Headers = http.OutgoingHttpHeaders | http.OutgoingHttpHeader[];

/**
 * Gives a request its nonce and its response the security headers. Next puts
 * the nonce on the scripts of pages it renders for this request, reading it
 * from the request's policy header. An HTML page is held until it is complete
 * so that the scripts it has without the nonce (a page rendered once for
 * everyone) can be listed by hash, then sent, gzipped when the browser takes it.
 */
export function secureResponse(req: http.IncomingMessage, res: http.ServerResponse, https: boolean) {
  const nonce = randomBytes(16).toString('base64');
  req.headers['content-security-policy'] = contentSecurityPolicy({ nonce });
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) res.setHeader(name, value);

  // Only documents need their scripts hashed; other answers stream as they come.
  const wantsDocument = /\btext\/html\b/.test(String(req.headers.accept ?? ''));
  const gzip = wantsDocument && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (wantsDocument) delete req.headers['accept-encoding']; // so that the page arrives uncompressed, to be read

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
    if (wantsDocument && type.startsWith('text/html') && !res.getHeader('content-encoding')) {
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
    const html = Buffer.concat(chunks);
    const hashes = inlineScriptHashes(html.toString('utf8'), nonce);
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, hashes }));
    const body = gzip && html.length > 1024 ? gzipSync(html) : html;
    if (body !== html) res.setHeader('Content-Encoding', 'gzip');
    const vary = String(res.getHeader('vary') ?? '');
    if (!/accept-encoding/i.test(vary)) res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    res.removeHeader('Transfer-Encoding');
    res.setHeader('Content-Length', body.length);
    original.writeHead(res.statusCode);
    return original.end(res.req?.method === 'HEAD' ? undefined : body, callback);
  }) as typeof res.end;
}
