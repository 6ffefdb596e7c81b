import { and, eq } from 'drizzle-orm';
import { chromium, expect as pwExpect, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { assessmentParts, jurisdictions, memberships, users } from '../../db/schema';
import { redisReachable, testRedisPrefix, testRedisUrl } from '../support/redis';
import { chromiumArgs, chromiumExecutable } from '../support/chromium';
import { failoverBalancer, freshSeededDatabase, killHard, sessionCookie, startInstances } from './support';

/*
 * Two production instances on one PostgreSQL sharing live documents through
 * Redis (REDIS_URL), and two people in one part, each in a browser connected
 * to a different instance.
 */

const withRedis = Boolean(process.env.DATABASE_URL) && (await redisReachable());
const section = 'migrants_rights';
const part = 'strengths';

/** A part's editor on a page, as e2e/support/profiles.ts finds it. */
const editorOf = (page: Page) => {
  const root = page.getByTestId(`editor-${section}-${part}`);
  return { root, text: root.locator('[role="textbox"][contenteditable="true"]'), status: root.getByTestId('save-status') };
};

/** The text a person reads in the part: its paragraphs, without the other people's carets (name labels). */
const screenText = (page: Page) =>
  editorOf(page).text.evaluate((el) =>
    Array.from(el.querySelectorAll('p'), (p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
      return copy.textContent;
    })
      .join('\n')
      .replace(/[\u00a0]/g, ' ')
      .replace(/\u2060/g, ''),
  );

/** The part's text as stored in the database. */
async function storedText(assessmentId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ doc: assessmentParts.doc })
    .from(assessmentParts)
    .where(and(eq(assessmentParts.assessmentId, assessmentId), eq(assessmentParts.section, section), eq(assessmentParts.part, part)));
  const doc = row.doc as { content?: Array<{ content?: Array<{ text?: string }> }> };
  return (doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
}

/** Whether every character of `typed` is in `text`, in the order it was typed (others' typing may come between). */
function inOrder(text: string, typed: string): boolean {
  let at = -1;
  for (const ch of typed.replace(/ /g, '')) {
    at = text.indexOf(ch, at + 1);
    if (at < 0) return false;
  }
  return true;
}

/** Every character of `typed` is in `text`, in the order it was typed. */
function holdsInOrder(text: string, typed: string) {
  expect(inOrder(text, typed), `"${typed}" is in ${JSON.stringify(text)} in order`).toBe(true);
}

describe.skipIf(!withRedis)('live editing across two instances sharing Redis', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let browser: Browser;

  beforeAll(async () => {
    db = await freshSeededDatabase();
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await db?.drop();
  });

  /** Two instances of their own (a Redis namespace of their own too), and a new profile on them that both demo people may edit. */
  async function twoInstances(jurisdiction: string) {
    const database = await getDb();
    const [admin] = await database.select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.org'));
    const [place] = await database.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.slug, jurisdiction));
    await database.insert(memberships).values({ userId: admin.id, jurisdictionId: place.id, role: 'consultant' });
    const instances = await startInstances(2, db.url, { REDIS_URL: testRedisUrl, REDIS_PREFIX: testRedisPrefix() });
    const started = await fetch(`${instances.origins[0]}/api/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.tokens.consultant}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jurisdiction, language: 'en' }),
    });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    return { ...instances, id };
  }

  /** A person's browser on `origin`, signed in, with the part open and ready to type in. */
  async function personAt(origin: string, email: string, id: string) {
    const cookie = await sessionCookie(origin, email);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookie.split('; ').map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1), url: origin })));
    const page = await context.newPage();
    await page.goto(`${origin}/assessments/${id}/sections/${section}`);
    await pwExpect(editorOf(page).text).toBeVisible({ timeout: 60_000 });
    return { context, page };
  }

  /** Both put the caret before the last word of the paragraph. */
  async function caretsBefore(pages: Page[], lastWord: string) {
    for (const page of pages) {
      await editorOf(page).text.click();
      await page.keyboard.press('End');
      for (let i = 0; i < lastWord.length; i++) await page.keyboard.press('ArrowLeft');
    }
  }

  it('two people, each on a different instance, type in the same paragraph at once: both screens and the database hold both inputs', async () => {
    const { origins, stop, id } = await twoInstances('huaquillas');
    try {
      const a = await personAt(origins[0], 'consultant@example.org', id);
      const b = await personAt(origins[1], 'admin@example.org', id);
      await editorOf(a.page).text.click();
      await a.page.keyboard.type('Start end.');
      await pwExpect.poll(() => screenText(b.page), { timeout: 30_000 }).toBe('Start end.');
      await caretsBefore([a.page, b.page], 'end.');
      await Promise.all([a.page.keyboard.type('one two three ', { delay: 40 }), b.page.keyboard.type('ONE TWO THREE ', { delay: 35 })]);

      await pwExpect(editorOf(a.page).status).toHaveAttribute('data-status', 'saved', { timeout: 60_000 });
      await pwExpect(editorOf(b.page).status).toHaveAttribute('data-status', 'saved', { timeout: 60_000 });
      const seen = await screenText(a.page);
      await pwExpect.poll(() => screenText(b.page), { timeout: 30_000 }).toBe(seen);
      for (const typed of ['one two three', 'ONE TWO THREE']) holdsInOrder(seen, typed);
      expect(seen.startsWith('Start ') && seen.endsWith('end.')).toBe(true);
      expect(seen.length).toBe('Start end.'.length + 'one two three '.length * 2);
      // Each sees the other's caret, named, though their servers are not the same.
      await pwExpect(editorOf(a.page).root.locator('.ProseMirror-yjs-cursor')).toContainText('Amina Admin', { timeout: 30_000 });
      await pwExpect(editorOf(b.page).root.locator('.ProseMirror-yjs-cursor')).toContainText('Carlos Consultant', { timeout: 30_000 });
      await b.page.screenshot({ path: 'test-results/screenshots/live-editing-instances.png', fullPage: true });
      await b.page.setViewportSize({ width: 390, height: 844 });
      await b.page.screenshot({ path: 'test-results/screenshots/live-editing-instances-phone.png', fullPage: true });
      await pwExpect.poll(() => storedText(id), { timeout: 60_000 }).toBe(seen);
      for (const p of [a, b]) await p.context.close();
    } finally {
      await stop();
    }
  });

  it('the instance one of them is on is killed while both type: that editor reconnects to the other, and nothing typed is lost', async () => {
    const { origins, apps, stop, id } = await twoInstances('lima');
    // Each browser reaches the app through a balancer preferring "its" instance, as a deployment's would.
    const balancers = [await failoverBalancer([origins[0], origins[1]]), await failoverBalancer([origins[1], origins[0]])];
    try {
      const a = await personAt(balancers[0].origin, 'consultant@example.org', id);
      const b = await personAt(balancers[1].origin, 'admin@example.org', id);
      await editorOf(a.page).text.click();
      await a.page.keyboard.type('Start end.');
      await pwExpect.poll(() => screenText(b.page), { timeout: 30_000 }).toBe('Start end.');
      await caretsBefore([a.page, b.page], 'end.');

      const typedA = 'alpha beta gamma delta epsilon ';
      const [beforeKill, afterKill] = ['ZETA ETA THETA ', 'IOTA KAPPA '];
      const typedB = beforeKill + afterKill;
      const typingA = a.page.keyboard.type(typedA, { delay: 80 });
      await b.page.keyboard.type(beforeKill, { delay: 60 });
      // What B typed so far went through B's instance, Redis and A's instance to A's screen: then B's instance dies.
      await pwExpect.poll(async () => inOrder(await screenText(a.page), beforeKill), { timeout: 30_000 }).toBe(true);
      await killHard(apps[1]);
      // B keeps typing (held in B's browser until its editor has reconnected, through the balancer, to A's instance).
      await b.page.keyboard.type(afterKill, { delay: 60 });
      await typingA;

      await pwExpect(editorOf(b.page).status).toHaveAttribute('data-status', 'saved', { timeout: 90_000 });
      await pwExpect(editorOf(a.page).status).toHaveAttribute('data-status', 'saved', { timeout: 90_000 });
      const seen = await screenText(a.page);
      await pwExpect.poll(() => screenText(b.page), { timeout: 30_000 }).toBe(seen);
      for (const typed of [typedA, typedB]) holdsInOrder(seen, typed);
      expect(seen.length).toBe('Start end.'.length + typedA.length + typedB.length);
      await pwExpect.poll(() => storedText(id), { timeout: 90_000 }).toBe(seen);
      for (const p of [a, b]) await p.context.close();
    } finally {
      for (const balancer of balancers) await balancer.close();
      await stop();
    }
  });
});
