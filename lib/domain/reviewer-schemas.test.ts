import { describe, expect, it } from 'vitest';
import { dayInWords, lapsesAt, lastDay, reviewerInviteSchema } from './reviewer-schemas';

const valid = { email: ' Ana@Example.ORG ', name: ' Ana ', organisation: '', until: '2027-03-31', language: 'fr' };

describe('the reviewer invitation form', () => {
  it('trims, lower-cases the email, and turns empty optional fields into null', () => {
    expect(reviewerInviteSchema.parse({ ...valid, until: '' })).toEqual({ email: 'ana@example.org', name: 'Ana', organisation: null, until: null, language: 'fr' });
    expect(reviewerInviteSchema.parse(valid).until).toBe('2027-03-31');
  });

  it.each([
    [{ until: '2027-02-30' }, 'until'],
    [{ until: '31/03/2027' }, 'until'],
    [{ email: 'nope' }, 'email'],
    [{ name: '  ' }, 'name'],
    [{ organisation: 'x'.repeat(201) }, 'organisation'],
    [{ language: 'de' }, 'language'],
  ])('refuses %j on the field %s', (change, field) => {
    const result = reviewerInviteSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });
});

describe('end dates', () => {
  it('holds through the whole last day (UTC) and reads back as that day', () => {
    expect(lapsesAt('2027-03-31').toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(lapsesAt('2028-02-28').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(lastDay(lapsesAt('2027-12-31'))).toBe('2027-12-31');
  });

  it('is written in the reader’s language', () => {
    expect(dayInWords('2027-03-31', 'en')).toBe('March 31, 2027');
    expect(dayInWords('2027-03-31', 'fr')).toBe('31 mars 2027');
    expect(dayInWords('2027-03-31', 'es')).toBe('31 de marzo de 2027');
  });
});
