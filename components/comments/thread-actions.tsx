'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import { replyAction, threadStatusAction } from '@/lib/actions/comments';
import type { CommentLabels } from './labels';
import { MentionTextarea } from './mention-textarea';

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
  // Controlled, for the mention picker: a refused reply keeps its text, a posted one empties the box.
  const [body, setBody] = useState('');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the server's answer is an outside event
    if (replied?.ok) setBody('');
  }, [replied]);
  const boxId = `reply-${threadId}`;
  return (
    <div className="thread__actions">
      <FormMessage state={replied?.ok ? null : replied} />
      <FormMessage state={changed?.ok ? null : changed} />
      {canReply && (
        <form action={reply} className="thread__reply">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="section" value={section} />
          <input type="hidden" name="threadId" value={threadId} />
          <label className="visually-hidden" htmlFor={boxId}>
            {t.replyLabel}
          </label>
          <MentionTextarea assessmentId={id} id={boxId} name="body" rows={2} placeholder={t.replyLabel} value={body} onChange={setBody} labels={t} />
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
