'use client';

import { useState } from 'react';

/**
 * Logs out through next-auth's own endpoint (which ends our session row), without
 * shipping next-auth's client library to every page. Without JavaScript the form
 * opens next-auth's own sign-out page, whose button posts the same request.
 */
export function LogoutButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  async function logout() {
    setBusy(true);
    try {
      const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
      await fetch('/api/auth/signout', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken, json: 'true' }),
      });
    } finally {
      // A full load, so that every server component renders without the session.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign('/login');
    }
  }
  return (
    <form
      action="/api/auth/signout"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        void logout();
      }}
    >
      <button type="submit" className="button button--small button--quiet" disabled={busy}>
        {label}
      </button>
    </form>
  );
}
