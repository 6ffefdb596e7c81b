import type { Browser, BrowserContext, Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from './support/app-test';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { demo, loginAs } from './support/auth';
import { ownJurisdiction } from './support/jurisdictions';
import { editorOf, openProfile } from './support/profiles';

/**
 * Types in a real browser at randomized human rhythms and checks, after every
 * trial, that the server holds exactly what was typed, and that "Saved" never
 * showed while the editor held text the server had not confirmed. The rhythms are
 * drawn from a seeded generator: a failure prints its seed, and
 * `TYPING_SEED=<seed> npx playwright test e2e/typing-rhythm.spec.ts` replays it.
 */

const AUTOSAVE_DELAY = 800; // pauses around this long, and around the server's store delay (server/collab.ts: 2 s)
const SEED = Number(process.env.TYPING_SEED) || Math.floor(Math.random() * 2 ** 31);
const SETTLE = { timeout: 30_000 }; // generous: a loaded machine, slowed saves, retries after offline

type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['la', 'unidad', 'médica', 'móvil', 'atiende', 'en', 'el', 'Cercado', 'de', 'Lima', 'since', '2021', 'año', 'niñez', 'governance', 'x', 'é'];
const pick = <T,>(r: Rng, list: readonly T[]) => list[Math.floor(r() * list.length)];

/** A pause between bursts: many near the autosave delay, the rest anywhere from 0 to twice it. */
function pause(r: Rng): number {
  const x = r();
  if (x < 0.45) return Math.round(AUTOSAVE_DELAY * (0.85 + r() * 0.35));
  if (x < 0.65) return Math.round(r() * 120);
  return Math.round(r() * 2 * AUTOSAVE_DELAY);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The paragraphs of a stored document, one per line: what a person sees of it. */
function docText(doc: unknown): string {
  const blocks = ((doc as { content?: Array<{ content?: Array<{ text?: string }> }> })?.content ?? []).map((p) =>
    (p.content ?? []).map((t) => t.text ?? '').join(''),
  );
  return blocks.join('\n').replace(/\u00a0/g, ' ');
}

/**
 * Stands between the browser and the live-editing server (the /collab
 * WebSocket): it can slow what the browser sends (keys typed while earlier
 * ones travel), and it keeps a copy of the document as the server has
 * confirmed it, recording every text the server was seen to hold, so that
 * each "Saved" can be checked against them.
 */
class SaveWire {
  slowMs = 0;
  offline = false;
  inFlight = 0;
  readonly accepted = new Map<string, Set<string>>(); // part → texts the server was seen to hold
  private readonly mirrors = new Map<string, Y.Doc>();
  private readonly open = new Set<WebSocketRoute>();

  async install(context: BrowserContext) {
    await context.routeWebSocket(/\/collab$/, (ws) => this.handle(ws));
  }

  /** Going offline closes what is open; the browser's own offline event does the rest. */
  setOffline(offline: boolean) {
    this.offline = offline;
    if (offline) for (const ws of this.open) void ws.close().catch(() => {});
  }

  private handle(ws: WebSocketRoute) {
    if (this.offline) return void ws.close().catch(() => {});
    this.open.add(ws);
    const server = ws.connectToServer();
    // Updates sent, waiting for the server's confirmation (it confirms each, in order).
    const unconfirmed: Array<{ doc: string; update: Uint8Array }> = [];
    let chain = Promise.resolve();
    ws.onMessage((message) => {
      const sent = this.updateIn(message);
      if (sent) this.inFlight++;
      chain = chain.then(async () => {
        try {
          if (sent && this.slowMs > 0) await sleep(this.slowMs);
          if (sent) unconfirmed.push(sent);
          server.send(message);
        } catch {
          /* the connection went meanwhile */
        } finally {
          if (sent) this.inFlight--;
        }
      });
    });
    server.onMessage((message) => {
      const bytes = typeof message === 'string' ? Buffer.from(message) : message;
      const d = decoding.createDecoder(new Uint8Array(bytes));
      decoding.readVarString(d);
      if (decoding.readVarUint(d) === 8 /* SyncStatus */ && decoding.readVarUint(d) === 1) {
        const confirmed = unconfirmed.shift();
        if (confirmed) this.record(confirmed.doc, confirmed.update);
      } else {
        const update = this.updateIn(message);
        if (update) this.record(update.doc, update.update);
      }
      ws.send(message);
    });
    ws.onClose(() => {
      this.open.delete(ws);
      void server.close().catch(() => {});
    });
    server.onClose(() => {
      this.open.delete(ws);
      void ws.close().catch(() => {});
    });
  }

  /** The Yjs update a protocol message carries (sync step 2 or update), with its document. */
  private updateIn(message: string | Buffer): { doc: string; update: Uint8Array } | null {
    if (typeof message === 'string') return null;
    const d = decoding.createDecoder(new Uint8Array(message));
    const doc = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== 0 && type !== 4) return null;
    const step = decoding.readVarUint(d);
    return step === 1 || step === 2 ? { doc, update: decoding.readVarUint8Array(d) } : null;
  }

  private record(docName: string, update: Uint8Array) {
    const mirror = this.mirrors.get(docName) ?? new Y.Doc();
    this.mirrors.set(docName, mirror);
    Y.applyUpdate(mirror, update);
    const part = docName.split('/').slice(1).join('/');
    if (!this.accepted.has(part)) this.accepted.set(part, new Set());
    this.accepted.get(part)!.add(docText(yXmlFragmentToProsemirrorJSON(mirror.getXmlFragment('default'))));
  }

  /** Waits (briefly) for typed text to be on the wire; false when none started. */
  async waitForSave(limitMs: number): Promise<boolean> {
    for (let waited = 0; waited < limitMs; waited += 20) {
      if (this.inFlight > 0) return true;
      await sleep(20);
    }
    return false;
  }
}

/**
 * Records, in the page, the editor's text at every moment a part shows "Saved"
 * (and every "Conflict"), from a MutationObserver on the status badges: the
 * observer runs right after React writes the status, before any further key.
 */
function watchStatuses() {
  const seen: Array<{ part: string; status: string; text: string }> = [];
  (window as unknown as { __statuses: typeof seen }).__statuses = seen;
  const textOf = (root: Element | null) =>
    Array.from(root?.querySelectorAll('.ProseMirror p') ?? [])
      .map((p) => p.textContent ?? '')
      .join('\n')
      .replace(/\u00a0/g, ' ');
  new MutationObserver((records) => {
    for (const r of records) {
      const badge = r.target as Element;
      if (badge.getAttribute?.('data-testid') !== 'save-status') continue;
      const status = badge.getAttribute('data-status') ?? '';
      if (status !== 'saved' && status !== 'conflict') continue;
      const root = badge.closest('[data-testid^="editor-"]');
      const [section, part] = (root?.getAttribute('data-testid') ?? '').replace('editor-', '').split(/-(?=[^-]+$)/);
      seen.push({ part: `${section}/${part}`, status, text: textOf(root) });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
}

interface World {
  context: BrowserContext;
  page: Page;
  wire: SaveWire;
  id: string;
  baseURL: string;
}

let jurisdiction = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  jurisdiction = await ownJurisdiction(browser, ['Carlos Consultant']);
});

async function open(browser: Browser, baseURL: string, language: 'en' | 'fr' | 'es'): Promise<World> {
  const context = await browser.newContext();
  await context.addInitScript(watchStatuses);
  const page = await context.newPage();
  // Leaving with unsent text asks for confirmation; the person confirms.
  page.on('dialog', (d) => void d.accept());
  await loginAs(page, demo.consultant);
  const id = await openProfile(page.request, jurisdiction, language, baseURL);
  const wire = new SaveWire();
  await wire.install(context);
  return { context, page, wire, id, baseURL };
}

async function serverText(world: World, section: string, part: string): Promise<string> {
  const response = await world.context.request.get(`/api/v1/assessments/${world.id}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { sections: Record<string, Record<string, { doc: unknown }>> };
  return docText(body.sections[section][part].doc);
}

async function openPart(world: World, section: string, part: string) {
  await world.page.goto(`/assessments/${world.id}/sections/${section}`);
  const editor = editorOf(world.page, section, part);
  await expect(editor.text).toBeVisible();
  return editor;
}

/** Puts the caret at the end of the part, as a person clicking after the last word would. */
async function caretAtEnd(world: World, section: string, part: string) {
  const editor = editorOf(world.page, section, part);
  await editor.text.locator('p').last().click();
  await world.page.keyboard.press('ControlOrMeta+End');
  await world.page.keyboard.press('End');
  // The caret is where the next key lands: at the very end of the text.
  await expect
    .poll(() =>
      editor.text.evaluate((root) => {
        const selection = window.getSelection();
        const last = root.querySelector('p:last-of-type');
        if (!selection?.focusNode || !last) return false;
        const tail = document.createRange();
        tail.setStart(selection.focusNode, selection.focusOffset);
        tail.setEnd(last, last.childNodes.length);
        return last.contains(selection.focusNode) && tail.toString() === '';
      }),
    )
    .toBe(true);
  return editor;
}

/** Every "Saved" seen so far showed a text the server had accepted for that part; no conflict ever. */
async function checkStatusesHonest(world: World, label: string) {
  const seen = await world.page.evaluate(() => (window as unknown as { __statuses: Array<{ part: string; status: string; text: string }> }).__statuses);
  for (const s of seen) {
    expect(s.status, `${label}: a conflict was shown though nobody else writes here (seed ${SEED})`).toBe('saved');
    const accepted = world.wire.accepted.get(s.part) ?? new Set();
    expect(accepted.has(s.text), `${label}: "Saved" showed while the editor held ${JSON.stringify(s.text)}, which the server never received (seed ${SEED})`).toBe(true);
  }
}

/** Waits for "Saved" and compares what the server holds with what was typed. */
async function settle(world: World, section: string, part: string, expected: string, label: string, allowNoChanges = false) {
  const editor = editorOf(world.page, section, part);
  await expect(editor.status).toHaveText(allowNoChanges ? /^(Saved|No changes)$/ : 'Saved', SETTLE);
  await checkStatusesHonest(world, label);
  // The server stores what it confirmed when typing pauses (and when the last editor leaves).
  await expect
    .poll(() => serverText(world, section, part), { ...SETTLE, message: `${label}: the server holds a different text from what was typed (seed ${SEED})` })
    .toBe(expected);
}

/** Types bursts of words separated by pauses; returns the text typed. */
async function typeBursts(world: World, r: Rng, bursts: number, options: { keysInFlight?: boolean } = {}) {
  let typed = '';
  for (let b = 0; b < bursts; b++) {
    const word = `${pick(r, WORDS)} `;
    await world.page.keyboard.type(word, { delay: r() < 0.3 ? 0 : 15 + Math.round(r() * 70) });
    typed += word;
    if (options.keysInFlight && r() < 0.6 && (await world.wire.waitForSave(AUTOSAVE_DELAY * 2))) {
      // The save of the text so far is on the wire: one more key now.
      const key = pick(r, ['a', 'ñ', '.', 'z']);
      await world.page.keyboard.type(key);
      typed += key;
    }
    await world.page.waitForTimeout(pause(r));
  }
  return typed;
}

test.describe('typing at human rhythms loses nothing', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeAll(() => console.log(`typing-rhythm seed: ${SEED} (replay with TYPING_SEED=${SEED})`));

  test('pauses around the autosave delay and bursts', async ({ browser, baseURL }) => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
    const r = rngFrom(SEED);
    const world = await open(browser, baseURL!, 'en');
    const [section, part] = ['migrants_rights', 'strengths'];
    await openPart(world, section, part);
    let expected = '';
    for (let trial = 0; trial < 7; trial++) {
      world.wire.slowMs = Math.round(r() * 250);
      await caretAtEnd(world, section, part);
      if (expected) {
        await world.page.keyboard.press('Enter');
        expected += '\n';
      }
      expected += await typeBursts(world, r, 2 + Math.floor(r() * 2));
      await settle(world, section, part, expected, `bursts trial ${trial}`);
    }
    await world.context.close();
  });

  test('keys typed while a save is in flight', async ({ browser, baseURL }) => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
    const r = rngFrom(SEED + 1);
    const world = await open(browser, baseURL!, 'en');
    const [section, part] = ['whole_of_government', 'potential'];
    await openPart(world, section, part);
    let expected = '';
    for (let trial = 0; trial < 6; trial++) {
      // Saves that take from a blink to over the autosave delay.
      world.wire.slowMs = 100 + Math.round(r() * 1100);
      await caretAtEnd(world, section, part);
      expected += await typeBursts(world, r, 2 + Math.floor(r() * 2), { keysInFlight: true });
      await settle(world, section, part, expected, `in-flight trial ${trial}`);
    }
    await world.context.close();
  });

  test('offline and back', async ({ browser, baseURL }) => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
    const r = rngFrom(SEED + 2);
    const world = await open(browser, baseURL!, 'en');
    const [section, part] = ['partnerships', 'strengths'];
    const editor = await openPart(world, section, part);
    let expected = '';
    for (let trial = 0; trial < 3; trial++) {
      world.wire.slowMs = Math.round(r() * 600);
      await caretAtEnd(world, section, part);
      expected += await typeBursts(world, r, 1 + Math.floor(r() * 2));
      await world.context.setOffline(true);
      world.wire.setOffline(true);
      expected += await typeBursts(world, r, 1 + Math.floor(r() * 2));
      await expect(editor.status).toContainText('Offline', SETTLE);
      expected += await typeBursts(world, r, 1);
      world.wire.setOffline(false);
      await world.context.setOffline(false);
      await settle(world, section, part, expected, `offline trial ${trial}`);
    }
    await world.context.close();
  });

  test('a reload or a closed tab right after typing', async ({ browser, baseURL }) => {
    test.info().annotations.push({ type: 'seed', description: String(SEED) });
    const r = rngFrom(SEED + 3);
    const world = await open(browser, baseURL!, 'en');
    const [section, part] = ['well_being', 'potential'];
    await openPart(world, section, part);
    let expected = '';
    for (let trial = 0; trial < 4; trial++) {
      world.wire.slowMs = Math.round(r() * 900);
      await caretAtEnd(world, section, part);
      expected += await typeBursts(world, r, 1 + Math.floor(r() * 2));
      const word = pick(r, WORDS);
      await world.page.keyboard.type(word);
      expected += word;
      await world.page.waitForTimeout(Math.round(r() * AUTOSAVE_DELAY * 1.3));
      if (trial % 2 === 0) {
        await world.page.reload();
      } else {
        await world.page.close({ runBeforeUnload: true });
        world.page = await world.context.newPage();
        world.page.on('dialog', (d) => void d.accept());
        await world.page.goto(`/assessments/${world.id}/sections/${section}`);
      }
      const editor = editorOf(world.page, section, part);
      // The text comes back (from the server, or from this browser's copy), as it was.
      await expect
        .poll(() => editor.text.evaluate((el) => Array.from(el.querySelectorAll('p'), (p) => p.textContent).join('\n').replace(/\u00a0/g, ' ')), SETTLE)
        .toBe(expected);
      await settle(world, section, part, expected, `reload trial ${trial}`, true);
      await expect(editor.root.locator('.conflict-panel')).toHaveCount(0);
      // Trailing spaces typed before the reload are in the text; the next burst starts after them.
    }
    await world.context.close();
  });
});
