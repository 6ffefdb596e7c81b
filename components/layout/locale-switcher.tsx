'use client';

import { useRef, useTransition } from 'react';
import { setLocaleAction } from '@/lib/actions/public-forms';
import { localeNames, locales } from '@/lib/domain/locales';

/** Switches on change with JavaScript; without it, the Apply button submits. */
export function LocaleSwitcher({ current, label, apply }: { current: string; label: string; apply: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form ref={form} action={setLocaleAction} className="locale-switcher">
      <label htmlFor="locale-select" className="visually-hidden">
        {label}
      </label>
      <select
        id="locale-select"
        name="locale"
        defaultValue={current}
        disabled={pending}
        onChange={() => startTransition(() => form.current?.requestSubmit())}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="button button--small">
          {apply}
        </button>
      </noscript>
    </form>
  );
}
