'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { startThreadAction } from '@/lib/actions/comments';
import { normalizeQuote, occurrencesBefore } from '@/lib/domain/editor/passage';
import { CommentComposer } from './comment-composer';
import type { CommentLabels } from './labels';

interface Props {
  assessmentId: string;
  section: string;
  part: string;
  language: string;
  /** Server-rendered HTML of the part (lib/domain/editor/render-html.ts), shown until the live text arrives. */
  html: string;
  /** The part's live document (lib/collab/protocol.ts): the text follows others' typing, read-only. */
  liveDocName?: string;
  canStart: boolean;
  labels: CommentLabels;
}

interface Passage {
  quote: string;
  occurrence: number;
}

/**
 * Names the selected passage the way the server looks for it (see
 * lib/domain/editor/passage.ts): the text with whitespace collapsed and
 * paragraphs joined by one space, and which occurrence of it the selection is.
 */
function selectedPassage(container: HTMLElement, range: Range): Passage | null {
  let text = '';
  let first = -1;
  let last = -1;
  let lastBlock: Element | null = null;
  const push = (c: string) => {
    if (/\s/.test(c)) {
      if (text === '' || text.endsWith(' ')) return false;
      text += ' ';
    } else {
      text += c;
    }
    return true;
  };
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const block = node.parentElement?.closest('p') ?? null;
    if (lastBlock && block !== lastBlock) push(' ');
    lastBlock = block;
    for (let i = 0; i < node.data.length; i++) {
      const inside = range.comparePoint(node, i) >= 0 && range.comparePoint(node, i + 1) <= 0;
      if (push(node.data[i]) && inside && !/\s/.test(node.data[i])) {
        if (first < 0) first = text.length - 1;
        last = text.length - 1;
      }
    }
  }
  if (first < 0) return null;
  const quote = normalizeQuote(text.slice(first, last + 1));
  return { quote, occurrence: occurrencesBefore(text, quote, first) };
}

type LiveView = ReturnType<(typeof import('./watch-live-part'))['watchLivePart']>;

/**
 * A part's text, read-only, where a reviewer selects a passage and comments on
 * it. With `liveDocName` the text is the live one (others' typing appears as
 * it happens); it holds still while the person has a caret or a selection in
 * it or writes a comment (replacing the text would lose them), and catches up
 * as soon as they are done.
 */
export function PassageCommenter({ assessmentId, section, part, language, html: storedHtml, liveDocName, canStart, labels: t }: Props) {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Passage | null>(null);
  const [composing, setComposing] = useState<Passage | null>(null);
  const [hint, setHint] = useState(false);
  const [html, setHtml] = useState(storedHtml);
  const liveRef = useRef<LiveView | null>(null);
  const newest = useRef(storedHtml);
  const composingRef = useRef(false);

  /**
   * Shows the newest live text unless the person is commenting, selecting (a
   * selection in this part) or moving the keyboard caret in it (the text has
   * focus): a new text would take those away. A click that leaves a bare caret
   * in text that cannot take focus holds nothing.
   */
  function catchUp() {
    const container = textRef.current;
    const current = document.getSelection();
    const selecting = !!container && !!current && !current.isCollapsed && container.contains(current.anchorNode);
    const holding = composingRef.current || selecting || (!!container && document.activeElement === container);
    if (!holding) setHtml(newest.current);
  }

  useEffect(() => {
    if (!liveDocName) return;
    let live: LiveView | null = null;
    let gone = false;
    void import('./watch-live-part').then(({ watchLivePart }) => {
      if (gone) return;
      live = watchLivePart(liveDocName, (next) => {
        newest.current = next;
        catchUp();
      });
      liveRef.current = live;
    });
    document.addEventListener('selectionchange', catchUp);
    document.addEventListener('focusout', catchUp);
    return () => {
      gone = true;
      document.removeEventListener('selectionchange', catchUp);
      document.removeEventListener('focusout', catchUp);
      live?.destroy();
      liveRef.current = null;
    };
  }, [liveDocName]);

  useEffect(() => {
    composingRef.current = composing !== null;
    if (!composing) catchUp();
  }, [composing]);

  /** The passage selected in this part right now, or null. */
  function passageNow(): Passage | null {
    const container = textRef.current;
    const current = document.getSelection();
    if (!container || !current || current.rangeCount === 0 || current.isCollapsed) return null;
    const range = current.getRangeAt(0);
    return container.contains(range.commonAncestorContainer) ? selectedPassage(container, range) : null;
  }

  useEffect(() => {
    if (!canStart) return;
    const onChange = () => {
      const passage = passageNow();
      setSelection(passage);
      if (passage) setHint(false);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [canStart]);

  // A highlighted passage leads to its thread in the panel.
  function onClick(event: React.MouseEvent) {
    const mark = (event.target as HTMLElement).closest('[data-thread-id]');
    const thread = mark && document.getElementById(`thread-${mark.getAttribute('data-thread-id')}`);
    if (!thread || !document.getSelection()?.isCollapsed) return;
    thread.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    thread.focus({ preventScroll: true });
  }

  /*
   * Keyboard users select like in any text field: the part takes a caret
   * (contentEditable with every change refused; a document, not a text box,
   * since nothing can be typed), so the caret, Shift
   * plus arrows and Ctrl+Shift plus arrows work as usual, and Ctrl+Alt+M (the
   * editor's comment shortcut) opens the composer on the selection.
   */
  const refuse = (event: React.SyntheticEvent) => event.preventDefault();
  /** The selection the composer was opened on, to put back when it is closed without posting. */
  const openedOn = useRef<Range | null>(null);
  function compose(passage: Passage) {
    const current = document.getSelection();
    openedOn.current = current && current.rangeCount > 0 ? current.getRangeAt(0).cloneRange() : null;
    setComposing(passage);
  }
  /** Closed with Escape or Cancel: back to the text, the passage still selected, not to the top of the page. */
  function cancelComposing() {
    setComposing(null);
    const text = textRef.current;
    if (!text) return;
    text.focus({ preventScroll: true });
    const range = openedOn.current;
    if (range && text.contains(range.commonAncestorContainer)) {
      const current = document.getSelection();
      current?.removeAllRanges();
      current?.addRange(range);
    }
  }
  function onKeyDown(event: React.KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
      event.preventDefault();
      // Read the selection now: `selectionchange` comes later, so the state can lag the last Shift+arrow.
      const passage = passageNow();
      if (passage) compose(passage);
      else setHint(true);
    }
  }
  const selectable = canStart
    ? {
        contentEditable: true,
        suppressContentEditableWarning: true,
        role: 'document',
        'aria-label': t.passageLabel,
        'aria-describedby': `how-${section}-${part}`,
        spellCheck: false,
        onBeforeInput: refuse,
        onPaste: refuse,
        onCut: refuse,
        onDrop: refuse,
        onKeyDown,
      }
    : {};

  async function post(body: string): Promise<string | null> {
    if (!composing) return null;
    // Live text others typed may not be stored yet: have it stored first, so the passage is found.
    if (liveRef.current && (await liveRef.current.storeNow()) === null) return t.saveFirst;
    const form = new FormData();
    Object.entries({ id: assessmentId, section, part, quote: composing.quote, occurrence: String(composing.occurrence), body }).forEach(([k, v]) => form.set(k, v));
    const result = await startThreadAction(null, form);
    if (!result?.ok) return result?.message ?? t.saveFirst;
    setComposing(null);
    document.getSelection()?.removeAllRanges();
    router.refresh();
    return null;
  }

  return (
    <>
      {canStart && (
        <div className="comment-bar">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={!selection}
            onMouseDown={(e) => e.preventDefault() /* keep the selection */}
            onClick={() => (selection ? compose(selection) : setHint(true))}
          >
            {t.commentOnSelection}
          </button>
          {hint && (
            <span className="muted small" role="status">
              {t.selectFirst}
            </span>
          )}
          <span id={`how-${section}-${part}`} className="field__hint">
            {t.keyboardHow}
          </span>
        </div>
      )}
      {composing && <CommentComposer assessmentId={assessmentId} quote={composing.quote} language={language} labels={t} onSubmit={post} onCancel={cancelComposing} />}
      {/* Clicks on highlights are a mouse shortcut; the panel lists every thread for keyboards. */}
      <div ref={textRef} className="rendered-part" lang={language} onClick={onClick} {...selectable} dangerouslySetInnerHTML={{ __html: liveDocName ? html : storedHtml }} />
    </>
  );
}
