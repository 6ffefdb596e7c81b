import { describe, expect, it } from 'vitest';
import { inviteUserSchema, jurisdictionInputSchema, setPasswordSchema } from './admin-schemas';

const good = { name: ' Lima ', slug: 'Lima', level: 'municipality', country: 'pe', parentId: '' };

describe('jurisdictionInputSchema', () => {
  it('trims, lower-cases the slug, upper-cases the country code and turns an empty parent into null', () => {
    expect(jurisdictionInputSchema.parse(good)).toEqual({
      name: 'Lima',
      slug: 'lima',
      level: 'municipality',
      country: 'PE',
      parentId: null,
    });
  });

  it.each([
    [{ slug: 'a b' }, 'slug', 'validation.slugFormat'],
    [{ slug: '-lima' }, 'slug', 'validation.slugFormat'],
    [{ slug: 'lima--norte' }, 'slug', 'validation.slugFormat'],
    [{ slug: 'x' }, 'slug', 'validation.slugFormat'],
    [{ slug: 'ñandú' }, 'slug', 'validation.slugFormat'],
    [{ name: '   ' }, 'name', 'validation.required'],
    [{ name: 'x'.repeat(201) }, 'name', 'validation.tooLong'],
    [{ level: 'planet' }, 'level', 'validation.invalidChoice'],
    [{ parentId: 'not-a-uuid' }, 'parentId', 'validation.invalidChoice'],
    [{ country: undefined }, 'country', 'validation.countryChoice'],
    [{ country: '' }, 'country', 'validation.countryChoice'],
    [{ country: 'Perú' }, 'country', 'validation.countryChoice'],
    [{ country: 'QQ' }, 'country', 'validation.countryChoice'],
  ])('refuses %j on %s', (patch, field, message) => {
    const result = jurisdictionInputSchema.safeParse({ ...good, ...patch });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toBe(message);
  });
});

describe('inviteUserSchema', () => {
  it('normalises the email and reads the checkbox', () => {
    expect(inviteUserSchema.parse({ email: ' Ana@Example.ORG ', name: 'Ana', isAdmin: 'on' })).toEqual({
      email: 'ana@example.org',
      name: 'Ana',
      isAdmin: true,
      roles: [],
    });
    expect(inviteUserSchema.parse({ email: 'a@b.org', name: 'A' }).isAdmin).toBe(false);
  });

  it('collects the role rows of the form, skips unused rows and counts a repeated role once', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    const parsed = inviteUserSchema.parse({
      email: 'a@b.org',
      name: 'A',
      'roles.0.jurisdictionId': a,
      'roles.0.role': 'consultant',
      'roles.3.jurisdictionId': '',
      'roles.3.role': 'focal_point',
      'roles.7.jurisdictionId': b,
      'roles.7.role': 'focal_point',
      'roles.9.jurisdictionId': a,
      'roles.9.role': 'consultant',
    });
    expect(parsed.roles).toEqual([
      { jurisdictionId: a, role: 'consultant' },
      { jurisdictionId: b, role: 'focal_point' },
    ]);
    expect(inviteUserSchema.parse({ email: 'a@b.org', name: 'A' }).roles).toEqual([]);
  });

  it('refuses a role row with an unknown role or a malformed jurisdiction, on the roles field', () => {
    for (const row of [
      { 'roles.0.jurisdictionId': '11111111-1111-4111-8111-111111111111', 'roles.0.role': 'admin' },
      { 'roles.0.jurisdictionId': 'lima', 'roles.0.role': 'consultant' },
    ]) {
      const r = inviteUserSchema.safeParse({ email: 'a@b.org', name: 'A', ...row });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]).toMatchObject({ path: ['roles', 0, expect.any(String)], message: 'validation.invalidChoice' });
    }
  });

  it('refuses a malformed email', () => {
    const r = inviteUserSchema.safeParse({ email: 'ana@', name: 'Ana' });
    expect(r.error?.issues[0].message).toBe('validation.email');
  });
});

describe('setPasswordSchema', () => {
  const token = 'pw_abcdefghijklmnop';
  it('needs 12 to 128 characters and the same password twice', () => {
    expect(setPasswordSchema.safeParse({ token, password: 'short', confirm: 'short' }).error?.issues[0].message).toBe(
      'validation.passwordTooShort',
    );
    const long = 'x'.repeat(129);
    expect(setPasswordSchema.safeParse({ token, password: long, confirm: long }).error?.issues[0].message).toBe(
      'validation.passwordTooLong',
    );
    expect(
      setPasswordSchema.safeParse({ token, password: 'twelve chars!', confirm: 'twelve chars?' }).error?.issues[0].message,
    ).toBe('validation.passwordsDiffer');
    expect(setPasswordSchema.safeParse({ token, password: 'twelve chars!', confirm: 'twelve chars!' }).success).toBe(true);
  });
});
