'use client';

import type { LiveStatus } from '@/lib/domain/editor/live-status';

const tone: Record<LiveStatus, string> = {
  idle: 'badge--off',
  connecting: 'badge--off',
  saving: '',
  saved: 'badge--ok',
  offline: 'badge--warn',
  conflict: 'badge--danger',
  error: 'badge--danger',
};

/** Connecting / Saving / Saved / Offline / Conflict, announced politely to screen readers. */
export function SaveStatusBadge({ status, error, labels }: { status: LiveStatus; error: string | null; labels: Record<LiveStatus, string> }) {
  return (
    <span role="status" aria-live="polite" className={`badge save-status ${tone[status]}`} data-testid="save-status" data-status={status} title={error ?? undefined}>
      {labels[status]}
      {status === 'error' && error ? `: ${error}` : ''}
    </span>
  );
}
