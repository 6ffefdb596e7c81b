import type { LiveStatus } from '@/lib/domain/editor/live-status';

/** The editor's interface strings, translated on the server and passed down as props. */
export interface EditorLabels {
  toolbar: string;
  bold: string;
  italic: string;
  bulletList: string;
  orderedList: string;
  link: string;
  linkPrompt: string;
  linkInvalid: string;
  linkDialogTitle: string;
  linkAddress: string;
  linkApply: string;
  linkRemove: string;
  cancel: string;
  indent: string;
  outdent: string;
  undo: string;
  redo: string;
  history: string;
  status: Record<LiveStatus, string>;
  /** Contains "{names}". */
  alsoHere: string;
  /** Shown when the server turned this editor read-only (a right was taken away while it was open). */
  readOnlyNow: string;
  /** Shown when the server no longer lets this person open the part at all (it refused them on reconnecting). */
  deniedNow: string;
  /** Added to it when changes made here had not reached the server. */
  deniedUnsaved: string;
  suggest: SuggestLabels;
}

/** The strings of Editing / Suggesting / Viewing and of the list of suggestions. */
export interface SuggestLabels {
  mode: string;
  editing: string;
  suggesting: string;
  viewing: string;
  suggestingHelp: string;
  refused: { formatting: string; structure: string; others: string };
  title: string;
  /** Contain "{text}", "{deleted}", "{inserted}". */
  insert: string;
  delete: string;
  replace: string;
  accept: string;
  reject: string;
  acceptAll: string;
  rejectAll: string;
  /** The author's comment on their own suggestion (suggestion-comment-form.tsx). */
  commentAdd: string;
  commentEdit: string;
  commentLabel: string;
  commentSave: string;
  commentCancel: string;
  /** Contains "{used}" and "{max}" (the noun agrees with the maximum, never one). */
  commentCount: string;
  /** Contains "{max}". */
  commentTooLong: string;
  commentGone: string;
}

/** Puts values into a label that was translated with a literal `{name}` left in it. */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
