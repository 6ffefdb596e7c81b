import { describe, expect, it } from 'vitest';
import { queryArms } from './query-arms';

describe('queryArms', () => {
  it('gives languages that parse the words alike one arm, and none to a language where no word is left', () => {
    expect(queryArms({ es: "'crisi'", fr: "'cris'", en: "'crisi'" })).toEqual([
      { languages: ['es', 'en'], tsquery: "'crisi'" },
      { languages: ['fr'], tsquery: "'cris'" },
    ]);
    expect(queryArms({ es: "'plan'", fr: "'plan'", en: "'plan'" })).toEqual([{ languages: ['es', 'fr', 'en'], tsquery: "'plan'" }]);
    expect(queryArms({ es: '', fr: ' ', en: "'or'" })).toEqual([{ languages: ['en'], tsquery: "'or'" }]);
    expect(queryArms({ es: '', fr: '', en: '' })).toEqual([]);
  });
});
