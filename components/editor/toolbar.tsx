'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useRef } from 'react';
import type { EditorLabels } from './labels';
import { promptForLink } from './link-prompt';

const linkIcon = (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </svg>
);

interface Props {
  editor: Editor;
  controls: string;
  labels: EditorLabels;
  /** Starts a comment on the selection; absent when this person may not comment. */
  onComment?: () => void;
  commentLabel?: string;
}

const commentIcon = (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinejoin="round">
    <path d="M4 5h16v11H9l-5 4z" />
  </svg>
);

/**
 * Formatting buttons as one ARIA toolbar: Tab reaches it once, arrow keys move
 * between buttons, and each button says whether it is on (aria-pressed). The
 * state comes from a selector so typing does not re-render the page.
 */
export function Toolbar({ editor, controls, labels: t, onComment, commentLabel }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const buttons = [
    { key: 'bold', label: t.bold, shortcut: 'Ctrl+B', icon: <b>B</b>, pressed: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t.italic, shortcut: 'Ctrl+I', icon: <i>I</i>, pressed: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'bulletList', label: t.bulletList, shortcut: 'Ctrl+Shift+8', icon: '•≡', pressed: state.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: t.orderedList, shortcut: 'Ctrl+Shift+7', icon: '1.≡', pressed: state.orderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
    { key: 'link', label: t.link, shortcut: 'Ctrl+K', icon: linkIcon, pressed: state.link, run: () => promptForLink(editor, t.linkPrompt, t.linkInvalid) },
    { key: 'undo', label: t.undo, shortcut: 'Ctrl+Z', icon: '↶', disabled: !state.canUndo, run: () => editor.chain().focus().undo().run() },
    { key: 'redo', label: t.redo, shortcut: 'Ctrl+Shift+Z', icon: '↷', disabled: !state.canRedo, run: () => editor.chain().focus().redo().run() },
    ...(onComment ? [{ key: 'comment', label: commentLabel ?? 'Comment', shortcut: 'Ctrl+Alt+M', icon: commentIcon, run: onComment }] : []),
  ];

  function onKeyDown(event: React.KeyboardEvent) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const items = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length;
    items.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    items[next]?.focus();
    event.preventDefault();
  }

  return (
    <div ref={ref} role="toolbar" aria-label={t.toolbar} aria-controls={controls} className="editor-toolbar" onKeyDown={onKeyDown}>
      {buttons.map((b, i) => (
        <button
          key={b.key}
          type="button"
          tabIndex={i === 0 ? 0 : -1}
          className="editor-toolbar__button"
          aria-label={b.label}
          title={`${b.label} (${b.shortcut})`}
          aria-pressed={'pressed' in b ? b.pressed : undefined}
          aria-keyshortcuts={b.shortcut.replace('Ctrl', 'Control')}
          disabled={b.disabled}
          onMouseDown={(e) => e.preventDefault() /* keep the selection in the text */}
          onClick={b.run}
        >
          <span aria-hidden="true">{b.icon}</span>
        </button>
      ))}
    </div>
  );
}
