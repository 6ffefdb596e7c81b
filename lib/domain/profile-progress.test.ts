import { describe, expect, it } from 'vitest';
import { sectionProgress, type PartSnapshot } from './profile-progress';

const text = (t: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] });
const empty = { type: 'doc', content: [{ type: 'paragraph' }] };
const at = (iso: string) => new Date(iso);

describe('sectionProgress', () => {
  it('marks a domain complete only when both parts hold text, and names the last editor', () => {
    const parts: PartSnapshot[] = [
      { section: 'introduction', part: 'body', doc: text('Intro'), revision: 1, updatedAt: at('2026-01-01'), updatedByName: 'Ana' },
      { section: 'migrants_rights', part: 'strengths', doc: text('a'), revision: 1, updatedAt: at('2026-01-02'), updatedByName: 'Ana' },
      { section: 'migrants_rights', part: 'potential', doc: text('b'), revision: 2, updatedAt: at('2026-01-03'), updatedByName: 'Bea' },
      { section: 'partnerships', part: 'strengths', doc: text('c'), revision: 1, updatedAt: at('2026-01-04'), updatedByName: 'Ana' },
      { section: 'partnerships', part: 'potential', doc: empty, revision: 0, updatedAt: null, updatedByName: null },
    ];
    const progress = sectionProgress(parts);
    expect(progress.map((p) => p.section)).toEqual([
      'introduction', 'migrants_rights', 'whole_of_government', 'partnerships', 'well_being', 'mobility_crises', 'safe_orderly_regular',
    ]);
    expect(progress[0]).toMatchObject({ completeness: 'complete', lastChangedBy: 'Ana' });
    expect(progress[1]).toMatchObject({ completeness: 'complete', lastChangedBy: 'Bea', lastChangedAt: at('2026-01-03') });
    expect(progress[2]).toMatchObject({ completeness: 'empty', lastChangedBy: null });
    expect(progress[3]).toMatchObject({ completeness: 'partial' });
  });
});
