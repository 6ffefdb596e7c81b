/**
 * Reads a request's body up to `maxBytes` and returns a copy of the request
 * holding it, or a 413 answer as soon as the limit is passed (by the declared
 * Content-Length, or while reading a body sent without one). So an anonymous
 * endpoint never buffers more than it needs, whatever a client sends.
 */
export async function withinBodyLimit(request: Request, maxBytes: number): Promise<Request | Response> {
  const tooLarge = () =>
    Response.json({ error: { code: 'body_too_large', message: `The request body is larger than ${maxBytes} bytes.` } }, { status: 413 });
  if (declaresBodyOver(request.headers, maxBytes)) return tooLarge();
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

/** A body whose declared Content-Length is over `maxBytes` (proxy.ts refuses such page POSTs before any page reads them). */
export function declaresBodyOver(headers: Headers, maxBytes: number): boolean {
  return Number(headers.get('content-length') ?? NaN) > maxBytes;
}
