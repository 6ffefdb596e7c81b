'use client';

import { useRouter } from 'next/navigation';
import { useRef, useTransition } from 'react';
import { setLocaleAction } from '@/lib/actions/public-forms';
import { localeNames, locales } from '@/lib/domain/locales';

/**
 * Switches on change with JavaScript; without it, the Apply button submits.
 * After the cookie is set the page is fetched again: on public pages the
 * interface language picks which cached copy is served (proxy.ts), and the
 * action's own answer was rendered with the old cookie.
 */
export function LocaleSwitcher({ current, label, apply }: { current: string; label: string; apply: string }) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
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
        onChange={() =>
          startTransition(async () => {
            if (!form.current) return;
            await setLocaleAction(new FormData(form.current));
            router.refresh();
          })
        }
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      <noscript>
        {/* Sent only without JavaScript: the action then sends the browser back to the page, read anew. */}
        <input type="hidden" name="reload" value="1" />
        <button type="submit" className="button button--small">
          {apply}
        </button>
      </noscript>
    </form>
  );
}
