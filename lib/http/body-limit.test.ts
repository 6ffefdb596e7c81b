import { describe, expect, it } from 'vitest';
import { declaresBodyOver, withinBodyLimit } from './body-limit';

const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://x/api/auth/callback/credentials', { method: 'POST', body, headers });

describe('withinBodyLimit', () => {
  it('passes a small body on, readable again', async () => {
    const result = await withinBodyLimit(post('email=a%40b.c&password=x', { 'content-type': 'application/x-www-form-urlencoded' }), 100);
    expect(result).toBeInstanceOf(Request);
    expect(await (result as Request).text()).toBe('email=a%40b.c&password=x');
    expect((result as Request).headers.get('content-type')).toBe('application/x-www-form-urlencoded');
  });

  it('refuses a declared length over the limit without reading', async () => {
    const result = await withinBodyLimit(post('x'.repeat(10), { 'content-length': '1000000' }), 100);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(413);
  });

  it('refuses a streamed body once it passes the limit', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64));
        if (pulled > 1000) controller.close();
      },
    });
    const request = new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    const result = await withinBodyLimit(request, 100);
    expect((result as Response).status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});

describe('declaresBodyOver', () => {
  it('reads the declared length only', () => {
    expect(declaresBodyOver(new Headers({ 'content-length': '1048577' }), 1048576)).toBe(true);
    expect(declaresBodyOver(new Headers({ 'content-length': '1048576' }), 1048576)).toBe(false);
    expect(declaresBodyOver(new Headers(), 1048576)).toBe(false);
    expect(declaresBodyOver(new Headers({ 'content-length': 'lots' }), 1048576)).toBe(false);
  });
});
