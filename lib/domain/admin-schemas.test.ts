import { describe, expect, it } from 'vitest';
import { inviteUserSchema, jurisdictionInputSchema, setPasswordSchema } from './admin-schemas';

const good = { name: ' Lima ', slug: 'Lima', level: 'municipality', country: 'Perú', parentId: '' };

describe('jurisdictionInputSchema', () => {
  it('trims, lower-cases the slug and turns an empty parent into null', () => {
    expect(jurisdictionInputSchema.parse(good)).toEqual({
      name: 'Lima',
      slug: 'lima',
      level: 'municipality',
      country: 'Perú',
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
    [{ country: undefined }, 'country', 'validation.required'],
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
    });
    expect(inviteUserSchema.parse({ email: 'a@b.org', name: 'A' }).isAdmin).toBe(false);
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
