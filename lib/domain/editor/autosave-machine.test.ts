import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AutosaveMachine, recoveryPlan, sameJson, type PendingText } from './autosave-machine';

/**
 * A simulated person, network and server around the machine. Documents are
 * strings; the server keeps the optimistic-lock rule of savePart (a save based
 * on a stale revision gets the current text back).
 */
class World {
  server = { doc: '', revision: 0 };
  editor = '';
  machine = new AutosaveMachine<string>(0, (a, b) => a === b);
  /** Requests on the wire, oldest first, with whether the server already handled them. */
  wire: Array<{ doc: string; baseRevision: number; answer?: { ok: true; revision: number } | { ok: false; doc: string; revision: number } }> = [];
  networkUp = true;
  othersWrite: boolean;

  constructor(othersWrite: boolean) {
    this.othersWrite = othersWrite;
  }

  sawConflict = false;
  /** The newest revision someone else made (what the page is told on load). */
  lastOther = 0;
  /** Every revision's text, by number: what the server held at each point. */
  history: string[] = [''];

  /**
   * "Saved" (or nothing to save) must mean the revision the editor is based on
   * holds exactly the editor's text. (Someone may save after it; the next save
   * then meets a conflict.)
   */
  check(step: string) {
    const status = this.machine.status();
    if (status === 'conflict') this.sawConflict = true;
    if (status === 'saved' || status === 'idle') {
      expect(this.history[this.machine.base], `${step}: status ${status} while the server lacks the editor's text`).toBe(this.editor);
    }
  }

  private commit(doc: string) {
    this.server = { doc, revision: this.server.revision + 1 };
    this.history[this.server.revision] = doc;
  }

  type(ch: string) {
    this.editor += ch;
    this.machine.edit();
  }

  /** The debounce timer, the page being hidden, the connection coming back: all send if they may. */
  send() {
    if (!this.machine.canSend()) return;
    const sent = this.machine.begin(this.editor);
    if (!this.networkUp) {
      this.machine.failed('offline');
      return;
    }
    this.wire.push({ doc: sent.doc, baseRevision: sent.baseRevision });
  }

  /** The server handles the oldest request (its answer may still be lost on the way back). */
  arrive() {
    const request = this.wire.find((r) => !r.answer);
    if (!request) return;
    if (request.baseRevision === this.server.revision) {
      this.commit(request.doc);
      request.answer = { ok: true, revision: this.server.revision };
    } else {
      request.answer = { ok: false, doc: this.server.doc, revision: this.server.revision };
    }
  }

  /** The answer reaches the page (or, when `lost`, the connection drops on the way back). */
  answer(lost: boolean) {
    const request = this.wire[0];
    if (!request) return;
    if (!request.answer) this.arrive();
    this.wire.shift();
    const answer = request.answer!;
    if (lost || !this.networkUp) this.machine.failed('offline');
    else if (answer.ok) this.machine.succeeded(answer.revision);
    else this.machine.conflicted({ doc: answer.doc, revision: answer.revision }, this.editor);
  }

  /** Requests of pages that were reloaded or closed: they may still reach the server, but nobody reads the answer. */
  orphans: Array<{ doc: string; baseRevision: number }> = [];

  /**
   * A reload or a closed tab and a new visit: the browser copy is what the
   * hook writes (text, base revision, unanswered saves); requests on the wire
   * become orphans; the new page loads the server's current text.
   */
  reload() {
    const m = this.machine;
    const pending: PendingText<string> | null =
      m.dirty || m.inFlight || m.conflict ? { doc: this.editor, baseRevision: m.base, sent: m.unconfirmed.map((u) => ({ doc: u.doc, baseRevision: u.baseRevision })) } : null;
    this.orphans.push(...this.wire.filter((r) => !r.answer));
    this.wire = [];
    const loaded = { ...this.server };
    this.machine = new AutosaveMachine<string>(loaded.revision, (a, b) => a === b);
    this.editor = loaded.doc;
    if (!pending) return;
    const plan = recoveryPlan(pending, loaded, (a, b) => a === b, this.lastOther);
    if (plan === 'drop') return;
    this.editor = pending.doc;
    this.machine.edit();
    this.machine.recall(pending.sent ?? []);
    if (plan === 'send') this.machine.adopt(Math.max(loaded.revision, pending.baseRevision));
    else this.machine.raiseConflict(loaded);
  }

  /** An orphaned request reaches the server late. */
  orphanArrives() {
    const request = this.orphans.shift();
    if (request && request.baseRevision === this.server.revision) this.commit(request.doc);
  }

  /** The server fails before handling the oldest request (a 503 while it restarts). */
  serverError() {
    const request = this.wire[0];
    if (!request || request.answer) return;
    this.wire.shift();
    this.machine.failed('unavailable', 'The server answered 503.');
  }

  otherPersonSaves(text: string) {
    if (!this.othersWrite) return;
    this.commit(text);
    this.lastOther = this.server.revision;
  }

  resolve(mine: boolean) {
    const conflict = this.machine.conflict;
    if (!conflict) return;
    if (mine) this.machine.keepMine();
    else {
      this.editor = conflict.doc;
      this.machine.keepTheirs();
    }
  }

  /** The connection returns and the person stops typing: everything must end on the server. */
  drain() {
    this.networkUp = true;
    this.machine.online();
    for (let i = 0; i < 80 && (this.machine.dirty || this.wire.length > 0 || this.machine.conflict || this.orphans.length > 0); i++) {
      if (this.orphans.length > 0) this.orphanArrives();
      else if (this.wire.length > 0) this.answer(false);
      else if (this.machine.conflict) this.resolve(true);
      else this.send();
      this.check('drain');
    }
  }
}

type Step =
  | { kind: 'type'; ch: string }
  | { kind: 'send' }
  | { kind: 'arrive' }
  | { kind: 'answer'; lost: boolean }
  | { kind: 'serverError' }
  | { kind: 'reload' }
  | { kind: 'orphanArrives' }
  | { kind: 'offline' }
  | { kind: 'online' }
  | { kind: 'other'; text: string }
  | { kind: 'resolve'; mine: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', ' ', 'ñ').map((ch) => ({ kind: 'type' as const, ch })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'send' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'arrive' as const }) },
  { weight: 3, arbitrary: fc.boolean().map((lost) => ({ kind: 'answer' as const, lost })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'serverError' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'orphanArrives' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'offline' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'online' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('X', 'YY', '').map((text) => ({ kind: 'other' as const, text })) },
  { weight: 1, arbitrary: fc.boolean().map((mine) => ({ kind: 'resolve' as const, mine })) },
);

function run(steps: Step[], othersWrite: boolean) {
  const world = new World(othersWrite);
  steps.forEach((s, i) => {
    switch (s.kind) {
      case 'type':
        world.type(s.ch);
        break;
      case 'send':
        world.send();
        break;
      case 'arrive':
        world.arrive();
        break;
      case 'answer':
        world.answer(s.lost);
        break;
      case 'serverError':
        world.serverError();
        break;
      case 'reload':
        world.reload();
        break;
      case 'orphanArrives':
        world.orphanArrives();
        break;
      case 'offline':
        world.networkUp = false;
        break;
      case 'online':
        world.networkUp = true;
        world.machine.online();
        world.send();
        break;
      case 'other':
        world.otherPersonSaves(s.text);
        break;
      case 'resolve':
        world.resolve(s.mine);
        break;
    }
    world.check(`step ${i} (${s.kind})`);
  });
  return world;
}

describe('autosave machine', () => {
  it('never says Saved while the server lacks the editor text, whatever the interleaving', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, othersWrite) => {
        const world = run(steps, othersWrite);
        world.drain();
        // Everything typed reached the server; a later save by someone else shows as a conflict on the next edit.
        expect(world.history[world.machine.base]).toBe(world.editor);
        if (!othersWrite) expect(world.server.doc).toBe(world.editor);
        expect(['saved', 'idle']).toContain(world.machine.status());
      }),
      { numRuns: 2000 },
    );
  });

  it('alone on a part, lost answers, outages and reloads never end in a conflict', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const world = run(steps, false);
        world.drain();
        expect(world.sawConflict).toBe(false);
        expect(world.server.doc).toBe(world.editor);
      }),
      { numRuns: 2000 },
    );
  });

  it('the reported case: a key typed while the save is in flight is sent, and Saved waits for it', () => {
    const world = new World(false);
    'Lima.'.split('').forEach((c) => world.type(c));
    world.send(); // the pause: the save of "Lima." starts
    world.type('!'); // one more key while it travels
    world.answer(false);
    expect(world.machine.status()).toBe('saving');
    expect(world.machine.canSend()).toBe(true);
    world.send();
    world.answer(false);
    expect(world.server.doc).toBe('Lima.!');
    expect(world.machine.status()).toBe('saved');
  });

  it('a save refused by the server is not retried until the next edit, and shows the error', () => {
    const m = new AutosaveMachine<string>(3, (a, b) => a === b);
    m.edit();
    m.begin('bad');
    m.failed('refused', 'text holds control characters');
    expect(m.status()).toBe('error');
    expect(m.canSend()).toBe(false);
    m.edit();
    expect(m.canSend()).toBe(true);
    expect(m.status()).toBe('saving');
  });

  it('a server error shows until a retry gets through', () => {
    const m = new AutosaveMachine<string>(3, (a, b) => a === b);
    m.edit();
    m.begin('text');
    m.failed('unavailable', 'The server answered 503.');
    expect(m.status()).toBe('error');
    expect(m.canSend()).toBe(true);
    m.begin('text');
    m.succeeded(4);
    expect(m.status()).toBe('saved');
    expect(m.error).toBeNull();
  });

  it('after a reload, a save the closed page sent that lands late is recognised as ours', () => {
    // The closed page sent "Lima" on revision 4 and kept "Lima." locally; the new page loads revision 4.
    const m = new AutosaveMachine<string>(4, (a, b) => a === b);
    m.edit();
    m.recall([{ doc: 'Lima', baseRevision: 4 }]);
    m.begin('Lima.');
    // The old request reaches the server first: revision 5 is "Lima"; ours comes back as a conflict.
    expect(m.conflicted({ doc: 'Lima', revision: 5 }, 'Lima.')).toBe('ours');
    expect(m.status()).toBe('saving');
    expect(m.canSend()).toBe(true);
    expect(m.begin('Lima.').baseRevision).toBe(5);
    m.succeeded(6);
    expect(m.status()).toBe('saved');
  });

  it('a conflict carries who saved and when', () => {
    const m = new AutosaveMachine<string>(1, (a, b) => a === b);
    m.edit();
    m.begin('mine');
    expect(m.conflicted({ doc: 'theirs', revision: 2, savedBy: { name: 'Lucía' }, savedAt: '2026-01-01T10:00:00Z' }, 'mine')).toBe('conflict');
    expect(m.status()).toBe('conflict');
    expect(m.conflict?.savedBy?.name).toBe('Lucía');
    expect(m.canSend()).toBe(false);
  });
});

describe('recoveryPlan', () => {
  const server = { doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ text: 'Hola', type: 'text' }] }] }, revision: 5 };
  const hola = { content: [{ content: [{ type: 'text', text: 'Hola' }], type: 'paragraph' }], type: 'doc' };
  const holaMundo = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hola mundo' }] }] };

  it('drops text the server already has, whatever the key order the database gave it', () => {
    expect(recoveryPlan({ doc: hola, baseRevision: 4 }, server, sameJson)).toBe('drop');
  });

  it('sends text based on the current revision', () => {
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 5 }, server, sameJson)).toBe('send');
  });

  it('recognises a revision made by our own unanswered save as ours', () => {
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 4, sent: [{ doc: hola, baseRevision: 4 }] }, server, sameJson)).toBe('send');
  });

  it('recognises revisions this person made since (another tab, a closed page) as theirs', () => {
    // Revision 5 is theirs; the newest revision by someone else is 3, older than the text's base.
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 4 }, server, sameJson, 3)).toBe('send');
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 3 }, server, sameJson, 3)).toBe('send');
    // Someone else made revision 5 (or 4): a conflict.
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 4 }, server, sameJson, 5)).toBe('conflict');
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 3 }, server, sameJson, 4)).toBe('conflict');
  });

  it('sends text based on a revision newer than the page it meets (the page was rendered just before a save landed)', () => {
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 6 }, server, sameJson, 5)).toBe('send');
  });

  it('is a conflict when someone else saved since', () => {
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 4 }, server, sameJson)).toBe('conflict');
    expect(recoveryPlan({ doc: holaMundo, baseRevision: 3, sent: [{ doc: hola, baseRevision: 3 }] }, server, sameJson)).toBe('conflict');
  });
});

describe('sameJson', () => {
  it('ignores key order and undefined fields, not values', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: [] }, { a: {} })).toBe(false);
  });
});
