import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestionTitle } from './suggestion-marks';
import { suggestionTime } from './suggestion-time';

const AT = '2026-12-02T12:30:00.000Z';
const paris = { locale: 'fr', timeZone: 'Europe/Paris' };

describe('when a suggestion was made, as people read it', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is said in the interface language and the reader’s time zone, not in UTC', () => {
    expect(suggestionTime(AT, paris)).toBe('2 déc. 2026, 13:30');
    expect(suggestionTime(AT, { locale: 'es', timeZone: 'America/Mexico_City' })).toBe('2 dic 2026, 6:30');
  });

  it('in a page takes the interface language from the page’s lang, not the browser’s', () => {
    vi.stubGlobal('document', { documentElement: { lang: 'fr' } });
    expect(suggestionTime(AT)).toBe(new Date(AT).toLocaleString('fr', { dateStyle: 'medium', timeStyle: 'short' }));
  });

  it('rendered on the server, where the reader is unknown, is in UTC and says so', () => {
    expect(suggestionTime(AT)).toBe('2026-12-02 12:30 UTC');
  });

  it('is nothing for a missing or unreadable time', () => {
    expect(suggestionTime(null, paris)).toBeNull();
    expect(suggestionTime('', paris)).toBeNull();
    expect(suggestionTime('not a time', paris)).toBeNull();
  });

  it('on hover over a suggestion in the text is the time the suggestion list shows', () => {
    const attrs = { authorName: 'Ana Pérez', at: AT, comment: 'Plus précis' };
    expect(suggestionTitle(attrs, paris)).toBe('Ana Pérez · 2 déc. 2026, 13:30 · Plus précis');
    vi.stubGlobal('document', { documentElement: { lang: 'fr' } });
    expect(suggestionTitle(attrs)).toBe(`Ana Pérez · ${suggestionTime(AT)} · Plus précis`);
    expect(suggestionTitle(attrs)).not.toContain('UTC');
    expect(suggestionTitle({ authorName: 'Ana Pérez', at: 'not a time' })).toBe('Ana Pérez');
  });
});
