import { describe, expect, it } from 'vitest';
import { slugSchema } from './admin-schemas';
import { proposeSlug } from './jurisdiction-slug';

describe('proposeSlug', () => {
  it.each([
    ['Cantón Huaquillas', 'huaquillas'],
    ['Municipalidad Metropolitana de Lima', 'lima'],
    ['Estado de Sonora', 'sonora'],
    ['São Paulo', 'sao-paulo'],
    ['  Buenos   Aires ', 'buenos-aires'],
    ['Côte-d’Ivoire', 'cote-d-ivoire'],
  ])('proposes a slug for %s', (name, slug) => {
    expect(proposeSlug(name)).toBe(slug);
  });

  it('proposes nothing for a name without letters or digits enough', () => {
    expect(proposeSlug('')).toBe('');
    expect(proposeSlug('x')).toBe('');
    expect(proposeSlug('—')).toBe('');
  });

  it('always proposes a slug the server accepts', () => {
    for (const name of ['A'.repeat(100), `${'ab '.repeat(30)}cd`, 'Ñandú 2 — Norte', 'Lima---Norte']) {
      const slug = proposeSlug(name);
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    }
  });
});
