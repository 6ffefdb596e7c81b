'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { startTranslationAction } from '@/lib/actions/translations';

interface Labels {
  help: string;
  language: string;
  submit: string;
  openIt: string;
}

/** Starts a translation of this profile into one of the other content languages (labels come translated from the page). */
export function StartTranslationForm({ id, languages, labels }: { id: string; languages: Array<{ value: string; label: string }>; labels: Labels }) {
  const [state, action, pending] = useActionState(startTranslationAction, null);
  return (
    <form className="form" action={action} data-testid="start-translation">
      {state && !state.ok && (
        <p className="notice notice--error" role="alert">
          {state.message}{' '}
          {typeof state.data?.openId === 'string' && <Link href={`/assessments/${state.data.openId}`}>{labels.openIt}</Link>}
        </p>
      )}
      <p className="small muted">{labels.help}</p>
      <input type="hidden" name="id" value={id} />
      <div className="form-row">
        <div className="field">
          <label htmlFor="translation-language">{labels.language}</label>
          <select id="translation-language" name="language" defaultValue={state?.values?.language ?? languages[0]?.value}>
            {languages.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ alignSelf: 'end' }}>
          <button className="button button--secondary" type="submit" disabled={pending}>
            {labels.submit}
          </button>
        </div>
      </div>
    </form>
  );
}
