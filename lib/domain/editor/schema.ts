import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { contentExtensions } from './extensions';

let schema: Schema | undefined;

/** The ProseMirror schema of profile texts, built from the editor's own extensions. */
export function profileSchema(): Schema {
  schema ??= getSchema(contentExtensions);
  return schema;
}

export const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] } as const;
