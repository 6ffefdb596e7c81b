/** The comment controls' interface strings, translated on the server (the editor page carries no i18n runtime). */
export interface CommentLabels {
  comment: string;
  commentOnSelection: string;
  composerTitle: string;
  body: string;
  submit: string;
  cancel: string;
  selectFirst: string;
  saveFirst: string;
  reply: string;
  replyLabel: string;
  resolve: string;
  reopen: string;
  mentionHint: string;
  mentionList: string;
  mentionNone: string;
  /** "1 person matches…", "2 people match…" for 0 to 8 matches (the picker shows 8 at most): plurals made on the server. */
  mentionCounts: string[];
  /** Name of a part's read-only text where passages are selected. */
  passageLabel: string;
  /** How to select and comment with the keyboard alone. */
  keyboardHow: string;
}
