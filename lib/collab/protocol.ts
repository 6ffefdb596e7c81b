/*
 * What the browser and the live-editing server (server/collab.ts) agree on.
 * Small and dependency-free: the editor's bundle imports it.
 */

/** The Yjs field the editor binds to: @tiptap/extension-collaboration's default. */
export const COLLAB_FIELD = 'default';

/** The stateless message an editor sends to have its part stored at once; answered with `{"stored": revision}`. */
export const STORE_NOW = 'store-now';

/**
 * The stateless message an editor sends to learn what the server holds; answered with
 * `{"snapshot": base64}` (Yjs snapshot: state vector and deletions). The provider's own
 * count of unconfirmed changes can reach zero early after a reconnect (it restarts at
 * one while updates queued offline are still being acknowledged), so "Saved" is only
 * shown once a snapshot proves the server has every change this browser made.
 */
export const SNAPSHOT_PLEASE = 'snapshot-please';

/** The live document of one part is named `{assessmentId}/{section}/{part}`. */
export function collabDocName(ref: { assessmentId: string; section: string; part: string }): string {
  return `${ref.assessmentId}/${ref.section}/${ref.part}`;
}
