import { describe, expect, it } from 'vitest';
import { can, canManageReviewers, canSeeJurisdiction, rolesOn, visibleProfileStates, type Actor, type GlobalAction } from './index';

const LIMA = 'lima-id';
const SONORA = 'sonora-id';

function actor(overrides: Partial<Actor>): Actor {
  return { userId: 'u', email: 'u@example.org', name: 'U', isAdmin: false, locale: null, memberships: [], via: 'session', ...overrides };
}

const people = {
  anonymous: null,
  admin: actor({ isAdmin: true }),
  consultantLima: actor({ memberships: [{ jurisdictionId: LIMA, slug: 'lima', name: 'Lima', role: 'consultant' }] }),
  focalLima: actor({ memberships: [{ jurisdictionId: LIMA, slug: 'lima', name: 'Lima', role: 'focal_point' }] }),
  focalSonora: actor({ memberships: [{ jurisdictionId: SONORA, slug: 'sonora', name: 'Sonora', role: 'focal_point' }] }),
  noRole: actor({}),
  reviewerLima: actor({ memberships: [{ jurisdictionId: LIMA, slug: 'lima', name: 'Lima', role: 'reviewer' }] }),
} as const;

describe('global abilities: only admins', () => {
  const actions: GlobalAction[] = ['manage_users', 'manage_jurisdictions', 'view_admin', 'import_editions'];
  for (const [who, person] of Object.entries(people)) {
    for (const action of actions) {
      it(`${who} ${who === 'admin' ? 'may' : 'may not'} ${action}`, () => {
        expect(can(person, action)).toBe(who === 'admin');
      });
    }
  }
});

describe('who sees a jurisdiction', () => {
  const expected: Record<keyof typeof people, { lima: boolean; sonora: boolean }> = {
    anonymous: { lima: false, sonora: false },
    admin: { lima: true, sonora: true },
    consultantLima: { lima: true, sonora: false },
    focalLima: { lima: true, sonora: false },
    focalSonora: { lima: false, sonora: true },
    noRole: { lima: false, sonora: false },
    // The jurisdiction exists for its reviewers; which of its profiles do is seesProfile's business.
    reviewerLima: { lima: true, sonora: false },
  };
  for (const [who, person] of Object.entries(people) as [keyof typeof people, Actor | null][]) {
    it(`${who}: Lima ${expected[who].lima}, Sonora ${expected[who].sonora}`, () => {
      expect(canSeeJurisdiction(person, LIMA)).toBe(expected[who].lima);
      expect(canSeeJurisdiction(person, SONORA)).toBe(expected[who].sonora);
    });
  }

  it('lists the roles held on one jurisdiction only', () => {
    const both = actor({
      memberships: [
        { jurisdictionId: LIMA, slug: 'lima', name: 'Lima', role: 'consultant' },
        { jurisdictionId: LIMA, slug: 'lima', name: 'Lima', role: 'focal_point' },
        { jurisdictionId: SONORA, slug: 'sonora', name: 'Sonora', role: 'consultant' },
      ],
    });
    expect(rolesOn(both, LIMA)).toEqual(['consultant', 'focal_point']);
    expect(rolesOn(both, SONORA)).toEqual(['consultant']);
    expect(rolesOn(null, LIMA)).toEqual([]);
  });
});

describe('consultation reviewers', () => {
  it('see only the profiles in review of their own jurisdiction', () => {
    expect(visibleProfileStates(people.reviewerLima, LIMA)).toEqual(['in_review']);
    expect(visibleProfileStates(people.reviewerLima, SONORA)).toEqual([]);
    expect(visibleProfileStates(people.focalLima, LIMA)).toEqual(['draft', 'in_review', 'approved', 'published']);
    expect(visibleProfileStates(people.anonymous, LIMA)).toEqual([]);
  });

  const manages: Record<keyof typeof people, { lima: boolean; sonora: boolean }> = {
    anonymous: { lima: false, sonora: false },
    admin: { lima: true, sonora: true },
    consultantLima: { lima: false, sonora: false },
    focalLima: { lima: true, sonora: false },
    focalSonora: { lima: false, sonora: true },
    noRole: { lima: false, sonora: false },
    reviewerLima: { lima: false, sonora: false },
  };
  for (const [who, person] of Object.entries(people) as [keyof typeof people, Actor | null][]) {
    it(`${who} manages reviewers: Lima ${manages[who].lima}, Sonora ${manages[who].sonora}`, () => {
      expect(canManageReviewers(person, LIMA)).toBe(manages[who].lima);
      expect(canManageReviewers(person, SONORA)).toBe(manages[who].sonora);
    });
  }
});
