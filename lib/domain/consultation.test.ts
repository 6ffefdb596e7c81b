import { describe, expect, it } from 'vitest';
import { consultationBySection, countSuggestions, type ConsultedPerson } from './consultation';

const who = (userId: string, name: string, extra: Partial<ConsultedPerson> = {}): ConsultedPerson => ({
  userId,
  name,
  role: 'reviewer',
  organisation: null,
  ended: null,
  pending: false,
  ...extra,
});
const at = (iso: string) => new Date(iso);
const none = { reads: [], comments: [], openSuggestions: [], decidedSuggestions: [] };

describe('consultationBySection', () => {
  it('gives every section in reading order, each with every person, focal points first, then by name, ended roles last', () => {
    const people = [who('z', 'Zoe', { ended: 'lapsed' }), who('b', 'Bruno'), who('f', 'Fiona', { role: 'focal_point' }), who('a', 'Ana')];
    const sections = consultationBySection({ people, ...none });
    expect(sections.map((s) => s.section)).toEqual(['introduction', 'migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular']);
    for (const s of sections) expect(s.rows.map((r) => r.person.name)).toEqual(['Fiona', 'Ana', 'Bruno', 'Zoe']);
    expect(sections[0].summary).toEqual({ people: 3, read: 0, commented: 0, suggested: 0 });
  });

  it('puts each read, comment count and suggestion count in its own section and person, and counts only people taking part', () => {
    const people = [who('a', 'Ana'), who('b', 'Bruno'), who('z', 'Zoe', { ended: 'deactivated' })];
    const sections = consultationBySection({
      people,
      reads: [
        { userId: 'a', section: 'partnerships', firstReadAt: at('2026-12-01T09:00:00Z'), lastReadAt: at('2026-12-02T09:00:00Z') },
        { userId: 'z', section: 'partnerships', firstReadAt: at('2026-12-01T09:00:00Z'), lastReadAt: at('2026-12-01T09:00:00Z') },
      ],
      comments: [
        { userId: 'b', section: 'partnerships', count: 3, lastAt: at('2026-12-02T10:00:00Z') },
        { userId: 'someone-not-consulted', section: 'partnerships', count: 9, lastAt: null },
      ],
      openSuggestions: [{ userId: 'a', section: 'well_being', count: 2, lastAt: at('2026-12-02T11:00:00Z') }],
      decidedSuggestions: [{ userId: 'a', section: 'well_being', count: 1, lastAt: null }],
    });
    const partnerships = sections.find((s) => s.section === 'partnerships')!;
    expect(partnerships.summary).toEqual({ people: 2, read: 1, commented: 1, suggested: 0 });
    expect(partnerships.rows[0]).toMatchObject({ person: { name: 'Ana' }, read: { firstAt: at('2026-12-01T09:00:00Z'), lastAt: at('2026-12-02T09:00:00Z') }, comments: { count: 0 } });
    expect(partnerships.rows[1]).toMatchObject({ person: { name: 'Bruno' }, read: null, comments: { count: 3, lastAt: at('2026-12-02T10:00:00Z') } });
    expect(partnerships.rows[2].read).not.toBeNull(); // listed with what they did, outside the counts
    const wellBeing = sections.find((s) => s.section === 'well_being')!;
    expect(wellBeing.rows[0].suggestions).toEqual({ open: 2, decided: 1, lastAt: at('2026-12-02T11:00:00Z') });
    expect(wellBeing.summary).toMatchObject({ read: 0, suggested: 1 });
    expect(sections.find((s) => s.section === 'introduction')!.rows.every((r) => !r.read && r.comments.count === 0)).toBe(true);
  });
});

describe('countSuggestions', () => {
  it('counts per author and section, keeps the newest time, and skips suggestions without an author or with an unreadable time', () => {
    expect(
      countSuggestions([
        { authorId: 'a', section: 'partnerships', at: '2026-12-01T10:00:00.000Z' },
        { authorId: 'a', section: 'partnerships', at: '2026-12-02T10:00:00.000Z' },
        { authorId: 'a', section: 'well_being', at: 'not a date' },
        { authorId: null, section: 'partnerships', at: '2026-12-03T10:00:00.000Z' },
      ]),
    ).toEqual([
      { userId: 'a', section: 'partnerships', count: 2, lastAt: at('2026-12-02T10:00:00.000Z') },
      { userId: 'a', section: 'well_being', count: 1, lastAt: null },
    ]);
  });
});
