'use client';

import type { SuggestLabels } from './labels';

export type EditorMode = 'editing' | 'suggesting' | 'viewing';

interface Props {
  name: string;
  mode: EditorMode;
  modes: EditorMode[];
  onChange: (mode: EditorMode) => void;
  labels: SuggestLabels;
}

/**
 * Editing / Suggesting / Viewing, as in word processors: native radio buttons
 * (one Tab stop, arrow keys move between them, the screen reader says which is
 * on), drawn as a segmented control.
 */
export function ModeSwitch({ name, mode, modes, onChange, labels: t }: Props) {
  return (
    <fieldset className="mode-switch" data-testid="editor-mode">
      <legend className="mode-switch__legend">{t.mode}</legend>
      {modes.map((m) => (
        <label key={m} className={`mode-switch__option${m === mode ? ' mode-switch__option--on' : ''}`}>
          <input type="radio" name={name} value={m} checked={m === mode} onChange={() => onChange(m)} />
          {t[m]}
        </label>
      ))}
    </fieldset>
  );
}
