/** The longest run of characters without a space the PDF lays out as one word. */
export const LONGEST_WORD = 100;

/**
 * Gives a run of more than LONGEST_WORD characters without a space a zero-width
 * break opportunity every LONGEST_WORD characters (U+200B: no width in Noto
 * Sans, nothing to see). pdfkit's line breaking takes time growing with the
 * square of a word longer than a line (5,000 characters: about a second; 30,000:
 * close to a minute, during which the server answers no one), and a text or an
 * imported title may hold such a "word". Real words are far shorter.
 */
export function breakLongWords(text: string): string {
  if (text.length <= LONGEST_WORD) return text;
  return text.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'gu'), (run) => Array.from(run.matchAll(new RegExp(`.{1,${LONGEST_WORD}}`, 'gsu')), (m) => m[0]).join('\u200B'));
}
