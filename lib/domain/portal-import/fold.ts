/**
 * Text as the importer compares it: no accents, lower case, and every run of
 * punctuation or space (non-breaking ones included) turned into one space.
 * "Gobernanza de la migración: Ejemplos…" and "GOBERNANZA DE LA MIGRACION
 * EJEMPLOS…" fold to the same string.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Zero-width characters, soft hyphens and byte-order marks that saved web pages carry.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// Control characters have no place in prose (and PostgreSQL's jsonb refuses U+0000).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * One line of a saved page, cleaned: invisible and control characters removed,
 * tabs made spaces, and leading/trailing whitespace (non-breaking too) trimmed.
 * What is inside the line is kept character for character.
 */
export function cleanLine(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\t/g, ' ').replace(CONTROL, '').trim();
}
