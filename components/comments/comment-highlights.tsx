import { THREAD_ID_PATTERN } from '@/lib/domain/editor/comment-mark';

/**
 * Highlights the passages of open threads, in the editor and in read-only
 * text alike, with a style sheet rather than JavaScript: the comment marks
 * render as `span[data-thread-id]`, and a thread being hovered or focused in
 * the panel outlines its passage through `:has()`. Ids are UUIDs (checked),
 * so nothing else can reach the style sheet.
 */
export function CommentHighlights({ openThreadIds }: { openThreadIds: string[] }) {
  const ids = openThreadIds.filter((id) => THREAD_ID_PATTERN.test(id));
  if (ids.length === 0) return null;
  const css = ids
    .map(
      (id) =>
        `[data-thread-id="${id}"]{background:var(--comment-soft);border-bottom:2px solid var(--comment)}` +
        `body:has(#thread-${id}:is(:hover,:focus-within)) [data-thread-id="${id}"]{background:var(--comment-strong)}`,
    )
    .join('\n');
  return <style data-testid="comment-highlights">{css}</style>;
}
