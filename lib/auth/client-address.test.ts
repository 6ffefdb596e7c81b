import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('takes the last hop, which the client cannot forge', () => {
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 10.0.0.1' })).toBe('10.0.0.1');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '::1' }))).toBe('::1');
  });
  it('is null without the header', () => {
    expect(clientAddress({})).toBeNull();
    expect(clientAddress({ 'x-forwarded-for': ' , ' })).toBeNull();
  });
});
