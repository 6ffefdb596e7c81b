import { describe, expect, it } from 'vitest';
import { editionPublicUrl } from './public-url';

describe('editionPublicUrl', () => {
  const edition = { slug: 'lima', year: 2022, month: 8, language: 'fr' };
  it('names the dated edition and its language under APP_URL', () => {
    expect(editionPublicUrl('https://mgi.example.org', edition)).toBe('https://mgi.example.org/profiles/lima/2022-08?lang=fr');
  });
  it('keeps a path in APP_URL and drops a trailing slash', () => {
    expect(editionPublicUrl('https://example.org/mgi/', { ...edition, month: 11 })).toBe('https://example.org/mgi/profiles/lima/2022-11?lang=fr');
  });
});
