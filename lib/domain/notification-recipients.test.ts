import { describe, expect, it } from 'vitest';
import { commentRecipients } from './notification-recipients';

const everyone = new Set(['actor', 'author', 'replier', 'consultant', 'focal', 'admin']);

describe('who hears of a comment', () => {
  it('a new thread tells the people who work on the profile, not its author', () => {
    expect(commentRecipients({ event: 'thread', actorId: 'actor', participants: [], workers: ['actor', 'consultant', 'focal'], mentioned: [], readers: everyone })).toEqual([
      { userId: 'consultant', kind: 'comment_thread' },
      { userId: 'focal', kind: 'comment_thread' },
    ]);
  });

  it('a reply tells the thread author and earlier repliers, not the workers at large', () => {
    expect(
      commentRecipients({ event: 'reply', actorId: 'actor', participants: ['author', 'replier', 'actor', 'author'], workers: ['consultant'], mentioned: [], readers: everyone }),
    ).toEqual([
      { userId: 'author', kind: 'comment_reply' },
      { userId: 'replier', kind: 'comment_reply' },
    ]);
  });

  it('a participant who is also mentioned gets one entry, as mentioned', () => {
    const out = commentRecipients({ event: 'reply', actorId: 'actor', participants: ['author', 'replier'], workers: [], mentioned: ['replier', 'admin'], readers: everyone });
    expect(out).toEqual([
      { userId: 'replier', kind: 'mentioned' },
      { userId: 'admin', kind: 'mentioned' },
      { userId: 'author', kind: 'comment_reply' },
    ]);
  });

  it('never tells the author themself, nor anyone who may not read the profile', () => {
    const out = commentRecipients({
      event: 'thread',
      actorId: 'actor',
      participants: [],
      workers: ['consultant', 'gone'],
      mentioned: ['actor', 'stranger'],
      readers: everyone,
    });
    expect(out).toEqual([{ userId: 'consultant', kind: 'comment_thread' }]);
  });
});
