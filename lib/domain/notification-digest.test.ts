import { describe, expect, it } from 'vitest';
import { digestTotals, groupDigest, namedWithOthers, suggestionChanges, type DigestItem } from './notification-digest';
import { sectionKeys } from './profile';

const ANA = '11111111-1111-4111-8111-111111111111';
const sid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ins = (text: string, id: string, authorName = 'Ana Pérez') => ({
  type: 'text',
  text,
  marks: [{ type: 'insertion', attrs: { id, authorId: ANA, authorName, at: '2026-12-02T12:00:00.000Z', comment: null } }],
});
const doc = (...content: object[]) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'La ciudad ' }, ...content] }] });

describe('suggestions a store brings and takes away', () => {
  it('counts a suggestion typed over many stores once, by its id', () => {
    const first = suggestionChanges(doc(), doc(ins('a', sid(1))));
    expect(first.added.map((s) => s.id)).toEqual([sid(1)]);
    // More letters of the same suggestion, then a second one: only the second is new.
    const next = suggestionChanges(doc(ins('a', sid(1))), doc(ins('acoge', sid(1)), ins(' y apoya', sid(2))));
    expect(next.added.map((s) => s.id)).toEqual([sid(2)]);
    expect(next.gone).toEqual([]);
  });

  it('names the suggestions that went away (withdrawn or decided)', () => {
    expect(suggestionChanges(doc(ins('acoge', sid(1)), ins(' y apoya', sid(2))), doc(ins(' y apoya', sid(2))))).toEqual({ added: [], gone: [sid(1)] });
  });

  it('takes a part never stored before as having had no suggestions', () => {
    expect(suggestionChanges(null, doc(ins('acoge', sid(1)))).added).toHaveLength(1);
    expect(suggestionChanges(doc(), doc())).toEqual({ added: [], gone: [] });
  });
});

describe('who a digest names', () => {
  it('names the latest and counts the others once each', () => {
    expect(namedWithOthers(['Ana Pérez', 'Rita Ruiz', 'Ana Pérez', 'Ana Pérez'])).toEqual({ name: 'Ana Pérez', others: 1 });
    expect(namedWithOthers(['Ana Pérez', 'Rita Ruiz'])).toEqual({ name: 'Rita Ruiz', others: 1 });
    expect(namedWithOthers(['Ana Pérez'])).toEqual({ name: 'Ana Pérez', others: 0 });
    expect(namedWithOthers([])).toEqual({ name: '', others: 0 });
  });
});

describe('a digest email grouped by profile and section', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 12, minute));
  const item = (over: Partial<DigestItem>): DigestItem => ({
    kind: 'suggestion',
    assessmentId: 'p1',
    title: 'Perfil: Lima',
    jurisdiction: 'Lima',
    section: 'partnerships',
    actor: 'Ana Pérez',
    at: at(0),
    ...over,
  });

  it('counts suggestions and comments per section, in reading order, naming everyone once', () => {
    const grouped = groupDigest(
      [
        item({ at: at(1) }),
        item({ at: at(2), actor: 'Rita Ruiz' }),
        item({ kind: 'comment', at: at(3), actor: 'Ana Pérez' }),
        item({ section: 'migrants_rights', at: at(4) }),
        item({ assessmentId: 'p2', title: 'Perfil: Sonora', jurisdiction: 'Sonora', section: 'introduction', kind: 'comment', at: at(0) }),
      ],
      sectionKeys,
    );
    expect(grouped).toEqual([
      {
        assessmentId: 'p2',
        title: 'Perfil: Sonora',
        jurisdiction: 'Sonora',
        sections: [{ section: 'introduction', suggestions: 0, comments: 1, actors: ['Ana Pérez'] }],
      },
      {
        assessmentId: 'p1',
        title: 'Perfil: Lima',
        jurisdiction: 'Lima',
        sections: [
          { section: 'migrants_rights', suggestions: 1, comments: 0, actors: ['Ana Pérez'] },
          { section: 'partnerships', suggestions: 2, comments: 1, actors: ['Rita Ruiz', 'Ana Pérez'] },
        ],
      },
    ]);
    expect(digestTotals(grouped)).toEqual({ suggestions: 3, comments: 2 });
  });

  it('is empty for no news', () => {
    expect(groupDigest([], sectionKeys)).toEqual([]);
    expect(digestTotals([])).toEqual({ suggestions: 0, comments: 0 });
  });
});
