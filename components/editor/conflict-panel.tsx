'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useMemo } from 'react';
import { sameJson } from '@/lib/domain/editor/autosave-machine';
import { DiffView } from '@/components/profiles/diff-view';
import { diffDocs } from '@/lib/domain/word-diff';
import type { Conflict } from './use-autosave';
import { fill, type EditorLabels } from './labels';

interface Props {
  theirs: Conflict;
  /** The editor holding my text: the comparison follows it as the person merges by hand. */
  editor: Editor;
  language: string;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  labels: EditorLabels;
}

/** "12 Mar 2026, 14:05" in the reader's language; the raw value if the date cannot be read. */
function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = document.documentElement.lang || undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * Names who saved meanwhile and when, and shows the two texts side by side
 * with the words that differ highlighted, before the person chooses.
 * Loaded only when a conflict happens (the diff library stays out of the page).
 */
export default function ConflictPanel({ theirs, editor, language, onKeepMine, onKeepTheirs, labels: t }: Props) {
  const mine = useEditorState({ editor, selector: ({ editor: e }) => e.getJSON(), equalityFn: sameJson });
  const diff = useMemo(() => diffDocs(theirs.doc, mine), [theirs.doc, mine]);
  const who = theirs.savedBy?.name;
  const byline = who
    ? theirs.savedAt
      ? fill(t.conflictSavedBy, { name: who, when: formatWhen(theirs.savedAt) })
      : fill(t.conflictSavedByName, { name: who })
    : t.conflictSavedBySomeone;
  return (
    <section className="conflict-panel" role="alert" aria-labelledby="conflict-title" data-testid="conflict-panel">
      <h3 id="conflict-title">{t.conflictTitle}</h3>
      <p className="conflict-panel__byline" data-testid="conflict-byline">
        {byline}
      </p>
      <p className="small">{t.conflictHelp}</p>
      <div className="diff conflict-panel__diff">
        <div className="conflict-panel__side" data-testid="their-version">
          <h4>{fill(t.theirVersion, { revision: theirs.revision })}</h4>
          <DiffView pieces={diff.left} label={fill(t.theirVersion, { revision: theirs.revision })} lang={language} />
        </div>
        <div className="conflict-panel__side" data-testid="my-version">
          <h4>{t.yourVersion}</h4>
          <DiffView pieces={diff.right} label={t.yourVersion} lang={language} />
        </div>
      </div>
      <p className="small muted">{t.conflictLegend}</p>
      <div className="actions">
        <button type="button" className="button button--small" onClick={onKeepMine}>
          {t.keepMine}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onKeepTheirs}>
          {t.keepTheirs}
        </button>
      </div>
    </section>
  );
}
