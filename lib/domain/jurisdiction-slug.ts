import slugify from '@sindresorhus/slugify';
import { withoutPrefix } from './portal-import/title';

/**
 * The slug proposed for a jurisdiction's name, as the portal import makes it:
 * without the administrative prefix ("Cantón Huaquillas" → "huaquillas"),
 * accents folded, at most 60 characters. Empty when the name gives none.
 */
export function proposeSlug(name: string): string {
  const slug = slugify(withoutPrefix(name.trim()).coreName).slice(0, 60).replace(/-+$/, '');
  return slug.length >= 2 ? slug : '';
}
