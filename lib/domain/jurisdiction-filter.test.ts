import { describe, expect, it } from 'vitest';
import { filledParams, jurisdictionFilterSchema } from './jurisdiction-filter';

describe('the jurisdiction filter', () => {
  it('keeps the filled fields and drops blank and repeated ones', () => {
    expect(filledParams({ q: 'lim', country: '', level: undefined, tag: ['a', 'b'] })).toEqual({ q: 'lim' });
  });

  it('trims the search and drops values it does not know, instead of refusing the page', () => {
    expect(jurisdictionFilterSchema.parse({ q: '  lima ', country: 'Perú', level: 'municipality' })).toEqual({ q: 'lima', country: 'Perú', level: 'municipality' });
    expect(jurisdictionFilterSchema.parse({ q: 'x'.repeat(200), level: 'planet' })).toEqual({ q: undefined, country: undefined, level: undefined });
  });
});
