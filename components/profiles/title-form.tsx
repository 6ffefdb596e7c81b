'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/forms/field';
import { updateTitleAction } from '@/lib/actions/assessments';

/** How long a pause in typing before the title saves itself, as the parts do. */
const SAVE_AFTER_MS = 1000;

/**
 * The profile's title saves itself when the writer pauses or leaves the
 * field, and says where it stands (unsaved, saving, saved, not saved) like the
 * parts' editors. Without script, the button submits the form.
 */
export function TitleForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations('profiles');
  const status = useTranslations('editor.status');
  const [state, action, pending] = useActionState(updateTitleAction, null);
  const [value, setValue] = useState(title);
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The page re-renders with the stored title after each save (revalidatePath).
  const dirty = value.trim() !== title;
  const refused = state !== null && !state.ok;
  useEffect(() => () => clearTimeout(timer.current), []);

  function saveSoon(delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => formRef.current?.requestSubmit(), delay);
  }

  const [label, tone] = pending
    ? [status('saving'), '']
    : refused && dirty
      ? [status('error'), 'badge--danger']
      : dirty
        ? [t('titleUnsaved'), 'badge--warn']
        : state?.ok
          ? [status('saved'), 'badge--ok']
          : [status('idle'), 'badge--off'];

  return (
    <form
      ref={formRef}
      className="form"
      action={action}
      noValidate
      onSubmit={(e) => {
        clearTimeout(timer.current);
        if (!dirty || value.trim() === '') e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Field
        name="title"
        label={t('titleLabel')}
        hint={t('titleAutosave')}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          saveSoon(SAVE_AFTER_MS);
        }}
        onBlur={() => dirty && saveSoon(0)}
        maxLength={300}
        required
        error={value.trim() === '' ? t('titleRequired') : refused ? (state.fieldErrors?.title ?? state.message) : undefined}
      />
      <div className="actions" style={{ alignItems: 'center' }}>
        <span role="status" aria-live="polite" className={`badge save-status ${tone}`} data-testid="title-status">
          {label}
        </span>
        <button className="button button--small button--secondary" type="submit" disabled={pending || !dirty || value.trim() === ''}>
          {t('saveTitle')}
        </button>
      </div>
    </form>
  );
}
