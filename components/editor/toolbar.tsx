'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { EditorLabels } from './labels';
import { LinkDialog } from './link-dialog';
import { LINK_DIALOG_EVENT } from './link-prompt';

// Icons, not letters: a button's visible text must be part of its name (WCAG 2.5.3), and "1." is not "Numbered list".
const icon = (path: React.ReactNode) => (
  <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    {path}
  </svg>
);
const bulletIcon = icon(
  <>
    <circle cx="4.5" cy="6" r="1.3" fill="currentColor" />
    <circle cx="4.5" cy="12" r="1.3" fill="currentColor" />
    <circle cx="4.5" cy="18" r="1.3" fill="currentColor" />
    <path d="M9 6h11M9 12h11M9 18h11" />
  </>,
);
const numberedIcon = icon(
  <>
    <path d="M3.5 4.5h1.5v4M3.5 8.5h3M3.5 14.5c0-1 3-1 3 .5s-3 2-3 3.5h3" strokeWidth="1.6" />
    <path d="M10 6h10M10 12h10M10 18h10" />
  </>,
);
const indentIcon = icon(<path d="M4 5h16M10 10h10M10 14h10M4 19h16M4 9.5l3 2.5-3 2.5" />);
const outdentIcon = icon(<path d="M4 5h16M10 10h10M10 14h10M4 19h16M7 9.5l-3 2.5 3 2.5" />);

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
  const [linkOpen, setLinkOpen] = useState(false);
  // Ctrl+K in the text (client-extensions.ts) asks through an event on the editor's element.
  useEffect(() => {
    const dom = editor.view.dom;
    const open = () => setLinkOpen(true);
    dom.addEventListener(LINK_DIALOG_EVENT, open);
    return () => dom.removeEventListener(LINK_DIALOG_EVENT, open);
  }, [editor]);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      canIndent: e.can().sinkListItem('listItem'),
      canOutdent: e.can().liftListItem('listItem'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const buttons = [
    { key: 'bold', label: t.bold, shortcut: 'Ctrl+B', icon: <b>B</b>, pressed: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t.italic, shortcut: 'Ctrl+I', icon: <i>I</i>, pressed: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'bulletList', label: t.bulletList, shortcut: 'Ctrl+Shift+8', icon: bulletIcon, pressed: state.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'orderedList', label: t.orderedList, shortcut: 'Ctrl+Shift+7', icon: numberedIcon, pressed: state.orderedList, run: () => editor.chain().focus().toggleOrderedList().run() },
    { key: 'outdent', label: t.outdent, shortcut: 'Ctrl+[', icon: outdentIcon, disabled: !state.canOutdent, run: () => editor.chain().focus().liftListItem('listItem').run() },
    { key: 'indent', label: t.indent, shortcut: 'Ctrl+]', icon: indentIcon, disabled: !state.canIndent, run: () => editor.chain().focus().sinkListItem('listItem').run() },
    { key: 'link', label: t.link, shortcut: 'Ctrl+K', icon: linkIcon, pressed: state.link, run: () => setLinkOpen(true) },
    { key: 'undo', label: t.undo, shortcut: 'Ctrl+Z', icon: '↶', disabled: !state.canUndo, run: () => editor.chain().focus().undo().run() },
    { key: 'redo', label: t.redo, shortcut: 'Ctrl+Shift+Z', icon: '↷', disabled: !state.canRedo, run: () => editor.chain().focus().redo().run() },
    ...(onComment ? [{ key: 'comment', label: commentLabel ?? 'Comment', shortcut: 'Ctrl+Alt+M', icon: commentIcon, run: onComment }] : []),
  ];

  function onKeyDown(event: React.KeyboardEvent) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const items = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1 : (index + (event.key === 'ArrowRight' ? 1 : -1) + items.length) % items.length;
    items.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    items[next]?.focus();
    event.preventDefault();
  }

  return (
    <>
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} labels={t} />
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
    </>
  );
}
