'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * Opens the browser's print dialog; the print stylesheet makes the page a clean
 * document. Only once scripts run (the page's HTML has none): without them it
 * would be a button that does nothing, and the browser's own Print still works.
 */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!scripted) return null;
  return (
    <button type="button" className="button button--secondary button--small" onClick={() => window.print()}>
      {label}
    </button>
  );
}
