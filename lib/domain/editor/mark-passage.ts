import { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { locatePassage } from './passage';
import { profileSchema } from './schema';

/**
 * The document with the quoted passage (its `occurrence`-th appearance) marked
 * as commented by thread `threadId`, or null when the passage is not in it.
 * A pure change of the text it is given: applied to a part's live text as it
 * stands, it adds the mark and nothing else, so what others typed stays.
 */
export function markPassage(docJson: unknown, quote: string, occurrence: number, threadId: string): unknown | null {
  const schema = profileSchema();
  const doc = PMNode.fromJSON(schema, docJson);
  const range = locatePassage(doc, quote, occurrence);
  if (!range) return null;
  return new Transform(doc).addMark(range.from, range.to, schema.marks.comment.create({ threadId })).doc.toJSON();
}

/** The document without thread `threadId`'s mark (a thread that could not be stored takes it back). */
export function unmarkThread(docJson: unknown, threadId: string): unknown {
  const schema = profileSchema();
  const doc = PMNode.fromJSON(schema, docJson);
  const tr = new Transform(doc);
  doc.descendants((node, pos) => {
    const mark = node.marks.find((m) => m.type === schema.marks.comment && m.attrs.threadId === threadId);
    if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
  });
  return tr.doc.toJSON();
}
