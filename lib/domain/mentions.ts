/*
 * `@name` mentions in comments. Names hold spaces ("Ana María López"), so a
 * mention is not a token up to the next space: it is an `@` followed by the
 * name of someone who may be mentioned. The browser's picker and the server
 * read a comment with the same functions.
 */

export interface Mentionable {
  id: string;
  name: string;
}

const wordChar = /[\p{L}\p{N}_]/u;
/** The longest query the picker follows after an `@`; past it the person is writing, not naming. */
export const MAX_MENTION_QUERY = 40;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** An `@` starts a mention only at the start of the text or after a non-word character (not in `ana@example.org`). */
function startsMention(text: string, at: number): boolean {
  return text[at] === '@' && (at === 0 || !wordChar.test(text[at - 1]));
}

/**
 * The ids of the candidates named after an `@` in the text, in the order they
 * first appear, each once. The longest name that matches wins ("@Ana María"
 * mentions Ana María, not Ana), case and accents aside, and the name must end
 * at a word boundary ("@Anabel" does not mention Ana). Two people with the very
 * same name are both mentioned: the text cannot tell them apart.
 */
export function findMentions(text: string, candidates: readonly Mentionable[]): string[] {
  // One normal form for both, so that an accent typed decomposed still matches.
  text = text.normalize('NFC');
  const named = candidates
    .map((c) => ({ id: c.id, name: c.name.normalize('NFC').trim() }))
    .filter((c) => c.name.length > 0)
    .map((c) => ({ ...c, folded: fold(c.name) }));
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (!startsMention(text, at)) continue;
    let best: typeof named = [];
    for (const c of named) {
      const end = at + 1 + c.name.length;
      if (end > text.length || fold(text.slice(at + 1, end)) !== c.folded) continue;
      if (end < text.length && wordChar.test(text[end]) && wordChar.test(c.name[c.name.length - 1])) continue;
      if (best.length === 0 || c.name.length > best[0].name.length) best = [c];
      else if (c.name.length === best[0].name.length) best.push(c);
    }
    for (const c of best) if (!found.includes(c.id)) found.push(c.id);
  }
  return found;
}

/**
 * The mention being typed at the caret, if any: where its `@` is and what
 * follows it up to the caret. None when the `@` is part of a word, the query
 * crosses a line or grows past MAX_MENTION_QUERY.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0 || !startsMention(text, at)) return null;
  const query = before.slice(at + 1);
  if (query.length > MAX_MENTION_QUERY || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** The candidates whose name matches the query: names starting with it first, then names with a word starting with it. */
export function matchCandidates<T extends Mentionable>(query: string, candidates: readonly T[], limit = 8): T[] {
  const q = fold(query.trim());
  const rank = (c: T) => {
    const name = fold(c.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((w) => w.startsWith(q))) return 1;
    return 2;
  };
  return candidates
    .map((c) => ({ c, r: rank(c) }))
    .filter((x) => x.r < 2)
    .sort((a, b) => a.r - b.r || a.c.name.localeCompare(b.c.name))
    .slice(0, limit)
    .map((x) => x.c);
}

/** The text with the mention being typed (from its `@` to the caret) replaced by `@Name `, and where the caret goes. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}
