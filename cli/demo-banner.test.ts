import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../lib/data/demo-seed';
import { demoAccountLines, describeDemoRoles } from './demo-banner';

describe('the demo banner', () => {
  it('names roles as the app does, never by their stored keys', () => {
    expect(describeDemoRoles({ email: 'f@x', isAdmin: false, roles: [{ slug: 'lima', role: 'focal_point' }] })).toBe('Focal point on lima');
    expect(
      describeDemoRoles({
        email: 'c@x',
        isAdmin: false,
        roles: [
          { slug: 'huaquillas', role: 'consultant' },
          { slug: 'lima', role: 'consultant' },
          { slug: 'sonora', role: 'reviewer' },
        ],
      }),
    ).toBe('Consultant on huaquillas and lima; Reviewer on sonora');
    expect(describeDemoRoles({ email: 'a@x', isAdmin: true, roles: [] })).toBe('Global admin');
  });

  it('prints every demo account with readable roles', () => {
    const lines = demoAccountLines(demoAccounts);
    expect(lines).toHaveLength(demoAccounts.length);
    expect(lines.join('\n')).not.toMatch(/focal_point|\bconsultant on/);
    expect(lines.find((l) => l.includes('focal.lima@example.org'))).toMatch(/Focal point on lima$/);
  });
});
