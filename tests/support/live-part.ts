import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb } from '../../db/client';
import { assessmentParts } from '../../db/schema';
import { COLLAB_FIELD } from '../../lib/collab/yjs-doc';

/** Helpers of the tests that drive a part live. */

/** A document of one paragraph. */
export const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A document's words, paragraph by paragraph (marks left out). */
export const plain = (doc: unknown) =>
  ((doc as { content?: Array<{ content?: Array<{ text?: string }> }> }).content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join('')).join('\n');

/** The text of a live document's first paragraph, to type into. */
export const firstText = (ydoc: Y.Doc) => (ydoc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Reads until `ok` holds (the test's own timeout bounds the wait). */
export async function eventually<T>(read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A part's stored row. */
export async function storedPart(ref: { assessmentId: string; section: string; part: string }) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(assessmentParts)
    .where(and(eq(assessmentParts.assessmentId, ref.assessmentId), eq(assessmentParts.section, ref.section), eq(assessmentParts.part, ref.part)));
  return row;
}
