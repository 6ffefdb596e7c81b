'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { replyAction, threadStatusAction } from '@/lib/actions/comments';
import { MAX_COMMENT_LENGTH } from '@/lib/domain/comment-limits';
import type { CommentLabels } from './labels';

interface Props {
  id: string;
  section: string;
  threadId: string;
  status: 'open' | 'resolved';
  canReply: boolean;
  canResolve: boolean;
  labels: CommentLabels;
}

/** Reply to a thread, and resolve or reopen it. */
export function ThreadActions({ id, section, threadId, status, canReply, canResolve, labels: t }: Props) {
  const [replied, reply, replying] = useActionState(replyAction, null);
  const [changed, change, changing] = useActionState(threadStatusAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (replied?.ok) form.current?.reset();
  }, [replied]);
  const boxId = `reply-${threadId}`;
  return (
    <div className="thread__actions">
      <FormMessage state={replied?.ok ? null : replied} />
      <FormMessage state={changed?.ok ? null : changed} />
      {canReply && (
        <form ref={form} action={reply} className="thread__reply">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="section" value={section} />
          <input type="hidden" name="threadId" value={threadId} />
          <label className="visually-hidden" htmlFor={boxId}>
            {t.replyLabel}
          </label>
          <textarea id={boxId} name="body" rows={2} maxLength={MAX_COMMENT_LENGTH} required placeholder={t.replyLabel} defaultValue={replied && !replied.ok ? replied.values?.body : ''} />
          <button className="button button--small" type="submit" disabled={replying}>
            {t.reply}
          </button>
        </form>
      )}
      {canResolve && (
        <form action={change}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="section" value={section} />
          <input type="hidden" name="threadId" value={threadId} />
          <input type="hidden" name="status" value={status === 'open' ? 'resolved' : 'open'} />
          <button className="button button--secondary button--small" type="submit" disabled={changing}>
            {status === 'open' ? t.resolve : t.reopen}
          </button>
        </form>
      )}
    </div>
  );
}
