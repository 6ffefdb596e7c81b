'use client';

import { useState, useTransition } from 'react';
import type { ActionState } from '@/lib/actions/safe-action';
import { decideAllSuggestionsAction } from '@/lib/actions/suggestions';
import { FormMessage } from '@/components/forms/form-message';
import { ConfirmDialog } from '@/components/forms/modal-dialog';

export interface BulkLabels {
  title: string;
  open: string;
  accept: string;
  reject: string;
  confirmAcceptTitle: string;
  confirmRejectTitle: string;
  confirmAccept: string;
  confirmReject: string;
  cancel: string;
}

interface Props {
  assessmentId: string;
  section?: string;
  open: number;
  labels: BulkLabels;
}

/**
 * The buttons and their confirmation. It stays mounted once the page is
 * refreshed with nothing left open, so the result ("3 suggestions accepted")
 * is still said after the buttons are gone.
 */
export function BulkSuggestionButtons({ assessmentId, section, open, labels: t }: Props) {
  const [asking, setAsking] = useState<'accept' | 'reject' | null>(null);
  const [result, setResult] = useState<ActionState>(null);
  const [pending, startTransition] = useTransition();
  const key = section ?? 'profile';

  function decide(decision: 'accept' | 'reject') {
    const form = new FormData();
    form.set('id', assessmentId);
    if (section) form.set('section', section);
    form.set('decision', decision);
    setAsking(null);
    startTransition(async () => setResult(await decideAllSuggestionsAction(null, form)));
  }

  if (open === 0 && !result) return null;
  return (
    <section className="card bulk-suggestions" aria-labelledby={`bulk-suggestions-${key}`} data-testid={`bulk-suggestions-${key}`}>
      <h2 id={`bulk-suggestions-${key}`}>
        {t.title} <span className="badge">{open}</span>
      </h2>
      {open > 0 && (
        <>
          <p className="small">{t.open}</p>
          <div className="actions">
            <button type="button" className="button button--small" disabled={pending} onClick={() => setAsking('accept')}>
              {t.accept}
            </button>
            <button type="button" className="button button--small button--secondary" disabled={pending} onClick={() => setAsking('reject')}>
              {t.reject}
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking === 'reject' ? t.confirmRejectTitle : t.confirmAcceptTitle}
        body={asking === 'reject' ? t.confirmReject : t.confirmAccept}
        confirmLabel={asking === 'reject' ? t.reject : t.accept}
        cancelLabel={t.cancel}
        onClose={() => setAsking(null)}
        onConfirm={() => asking && decide(asking)}
      />
      <FormMessage state={result} />
    </section>
  );
}
