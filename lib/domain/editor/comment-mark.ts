import { Mark } from '@tiptap/core';

export const THREAD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where a comment thread is anchored: a mark carrying the thread's id, so the
 * highlight travels with its passage as the text around it changes, and
 * disappears only with the passage itself. The thread (replies, status) lives
 * in the database; the mark holds nothing but the id. Overlapping threads are
 * allowed (`excludes: ''`), and typing at a highlight's edge does not extend it.
 */
export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  spanning: true,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => {
          const id = element.getAttribute('data-thread-id');
          return id && THREAD_ID_PATTERN.test(id) ? id : null;
        },
        renderHTML: (attributes) => ({ 'data-thread-id': attributes.threadId }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-thread-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0];
  },
});
