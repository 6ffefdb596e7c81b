import { describe, expect, it } from 'vitest';
import { emailWrapParts } from './email-wrap';

describe('emailWrapParts', () => {
  it('breaks after the @, keeping it with the name', () => {
    expect(emailWrapParts('focal.sonora@example.org')).toEqual(['focal.sonora@', 'example.org']);
  });
  it('uses the last @ of a quoted local part', () => {
    expect(emailWrapParts('"a@b"@example.org')).toEqual(['"a@b"@', 'example.org']);
  });
  it('keeps an address without a usable @ whole', () => {
    expect(emailWrapParts('no-at-sign')).toEqual(['no-at-sign']);
    expect(emailWrapParts('@example.org')).toEqual(['@example.org']);
    expect(emailWrapParts('name@')).toEqual(['name@']);
  });
  it('loses no character', () => {
    for (const a of ['x@y', 'consultant@example.org', 'a.b-c@sub.example.co.uk']) expect(emailWrapParts(a).join('')).toBe(a);
  });
});
