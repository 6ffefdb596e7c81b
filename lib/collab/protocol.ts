/*
 * What the browser and the live-editing server (server/collab.ts) agree on.
 * Small and dependency-free: the editor's bundle imports it.
 */

/** The Yjs field the editor binds to: @tiptap/extension-collaboration's default. */
export const COLLAB_FIELD = 'default';

/** The stateless message an editor sends to have its part stored at once; answered with `{"stored": revision}`. */
export const STORE_NOW = 'store-now';

/** The live document of one part is named `{assessmentId}/{section}/{part}`. */
export function collabDocName(ref: { assessmentId: string; section: string; part: string }): string {
  return `${ref.assessmentId}/${ref.section}/${ref.part}`;
}
