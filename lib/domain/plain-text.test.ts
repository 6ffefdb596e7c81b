import { describe, expect, it } from 'vitest';
import { inviteUserSchema, jurisdictionInputSchema } from './admin-schemas';
import { newThreadBody, replyBody, transitionBody } from './api-schemas';
import { NUL_MESSAGE_KEY } from './plain-text';

describe('U+0000 in text fields', () => {
  it('is refused by the admin forms’ schemas with a catalog message', () => {
    const names = inviteUserSchema.safeParse({ email: 'a@example.org', name: 'Ana\u0000' });
    expect(names.success).toBe(false);
    expect(names.error?.issues[0]).toMatchObject({ path: ['name'], message: NUL_MESSAGE_KEY });
    const place = jurisdictionInputSchema.safeParse({ name: 'Li\u0000ma', slug: 'lima', level: 'municipality', country: 'PE' });
    expect(place.error?.issues[0]).toMatchObject({ path: ['name'], message: NUL_MESSAGE_KEY });
    expect(jurisdictionInputSchema.safeParse({ name: 'Lima', slug: 'lima', level: 'municipality', country: 'PE' }).success).toBe(true);
  });

  it('is refused by the API’s schemas, naming the field', () => {
    expect(transitionBody.safeParse({ action: 'submit', note: '\u0000' }).error?.issues[0].path).toEqual(['note']);
    expect(replyBody.safeParse({ threadId: '00000000-0000-4000-8000-000000000000', body: 'x\u0000' }).error?.issues[0].path).toEqual(['body']);
    expect(newThreadBody.safeParse({ domain: 'partnerships', part: 'strengths', quote: '\u0000', body: 'x' }).error?.issues[0].path).toEqual(['quote']);
    expect(transitionBody.safeParse({ action: 'submit', note: 'Tab\tand\nnewline are fine' }).success).toBe(true);
  });
});
