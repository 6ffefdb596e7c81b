'use client';

import type { SaveStatus } from './use-autosave';

const tone: Record<SaveStatus, string> = {
  idle: 'badge--off',
  saving: '',
  saved: 'badge--ok',
  offline: 'badge--warn',
  conflict: 'badge--danger',
  error: 'badge--danger',
};

/** Saving / Saved / Offline / Conflict, announced politely to screen readers. */
export function SaveStatusBadge({ status, error, labels }: { status: SaveStatus; error: string | null; labels: Record<SaveStatus, string> }) {
  return (
    <span role="status" aria-live="polite" className={`badge save-status ${tone[status]}`} data-testid="save-status" data-status={status} title={error ?? undefined}>
      {labels[status]}
      {status === 'error' && error ? `: ${error}` : ''}
    </span>
  );
}
