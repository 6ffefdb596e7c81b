import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startAppServer, stopAppServer } from '../../bench/app-server';
import { closeDb, getDb, setDbHandle } from '../../db/client';
import { openPglite } from '../../db/open-pglite';
import { assessments, editions, jurisdictions, memberships, partRevisions, users } from '../../db/schema';
import { loadActor } from '../../lib/data/actor';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { startAssessment } from '../../lib/data/assessments';
import { unsafeSeedDemoData } from '../../lib/data/demo-seed';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { savePart } from '../../lib/data/parts';
import { approveProfile, submitForReview } from '../../lib/data/workflow';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { AUTH_SECRET, freePort, freshSeededDatabase, killHard } from './support';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function actorOf(email: string) {
  const [u] = await (await getDb()).select({ id: users.id }).from(users).where(eq(users.email, email));
  return (await loadActor(u.id, 'session'))!;
}

/** Profiles ready to publish, one per new jurisdiction (an edition is one per jurisdiction, language and month). */
async function approvedProfiles(n: number) {
  const db = await getDb();
  const consultantId = (await actorOf('consultant@example.org')).userId;
  const focalId = (await actorOf('focal.lima@example.org')).userId;
  const created = await db
    .insert(jurisdictions)
    .values(Array.from({ length: n }, (_, i) => ({ slug: `crash-${i}`, name: `Crash ${i}`, level: 'municipality' as const, country: 'Perú' })))
    .returning({ id: jurisdictions.id, slug: jurisdictions.slug });
  // The demo consultant drafts them and Lima's focal point reviews them.
  await db.insert(memberships).values(created.flatMap((j) => [
    { userId: consultantId, jurisdictionId: j.id, role: 'consultant' as const },
    { userId: focalId, jurisdictionId: j.id, role: 'focal_point' as const },
  ]));
  const author = await actorOf('consultant@example.org');
  const ids: string[] = [];
  for (const j of created) {
    const { id } = await startAssessment(author, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) await savePart(author, { assessmentId: id, ...slot }, { doc: doc(`${j.slug} ${slot.section} ${slot.part}`), baseRevision: 0 });
    await submitForReview(author, id);
    ids.push(id);
  }
  const reviewer = await actorOf('focal.lima@example.org');
  for (const id of ids) {
    for (const d of domainKeys) await reviewDomain(reviewer, id, d, 'accept', null);
    await approveProfile(reviewer, id);
  }
  return ids;
}

type Ack = { section: string; part: string; revision: number; text: string };

/** Saves one part after another until stopped; returns the saves the server acknowledged. */
async function saveLoop(origin: string, token: string, id: string, stop: { now: boolean }): Promise<Ack[]> {
  const acks: Ack[] = [];
  const revisions = new Map<string, number>();
  for (let i = 0; !stop.now; i++) {
    const slot = profileSlots[i % profileSlots.length];
    const key = `${slot.section}/${slot.part}`;
    const text = `save ${i} of ${key}`;
    try {
      const r = await fetch(`${origin}/api/v1/assessments/${id}/sections/${key}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ doc: doc(text), baseRevision: revisions.get(key) ?? 0 }),
      });
      if (r.status !== 200) continue;
      const { revision } = (await r.json()) as { revision: number };
      revisions.set(key, revision);
      acks.push({ section: slot.section, part: slot.part, revision, text });
    } catch {
      return acks; // the server is gone
    }
  }
  return acks;
}

async function expectSavesKept(assessmentId: string, acks: Ack[]) {
  expect(acks.length).toBeGreaterThan(0);
  const db = await getDb();
  for (const ack of acks) {
    const [row] = await db
      .select({ doc: partRevisions.doc })
      .from(partRevisions)
      .where(
        and(
          eq(partRevisions.assessmentId, assessmentId),
          eq(partRevisions.section, ack.section),
          eq(partRevisions.part, ack.part),
          eq(partRevisions.revision, ack.revision),
        ),
      );
    expect(JSON.stringify(row?.doc), `${ack.section}/${ack.part} revision ${ack.revision}`).toContain(ack.text);
  }
}

describe.skipIf(!process.env.DATABASE_URL)('an instance killed mid-work, on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let app: ChildProcess | null = null;
  afterAll(async () => {
    if (app) await stopAppServer(app);
    await db?.drop();
  });

  it('leaves every edition whole and every acknowledged save in place', async () => {
    db = await freshSeededDatabase();
    const profiles = await approvedProfiles(100);
    const consultant = await actorOf('consultant@example.org');
    const { id: draft } = await startAssessment(consultant, { jurisdiction: 'huaquillas', language: 'es' });
    const port = await freePort();
    const origin = `http://localhost:${port}`;
    app = await startAppServer(port, { DATABASE_URL: db.url, AUTH_SECRET });

    const stop = { now: false };
    const saves = saveLoop(origin, db.tokens.consultant, draft, stop);
    let published = 0;
    const publishes = (async () => {
      for (const id of profiles) {
        try {
          const r = await fetch(`${origin}/api/v1/assessments/${id}/transitions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${db.tokens.admin}`, 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'publish' }),
          });
          if (r.status === 200) published++;
        } catch {
          return;
        }
      }
    })();
    // Kill it in the middle of the loop, without warning.
    await expect.poll(() => published, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(30);
    await killHard(app);
    await publishes;
    stop.now = true;
    const acks = await saves;
    app = await startAppServer(port, { DATABASE_URL: db.url, AUTH_SECRET });

    const rows = await (await getDb()).select({ assessmentId: editions.assessmentId, content: editions.content }).from(editions).where(inArray(editions.assessmentId, profiles));
    const states = await (await getDb()).select({ id: assessments.id, state: assessments.state }).from(assessments).where(inArray(assessments.id, profiles));
    // All or nothing: a profile is published exactly when its edition exists, and each edition has all its parts.
    expect(rows.length).toBeGreaterThanOrEqual(published);
    expect(states.filter((s) => s.state === 'published').map((s) => s.id).sort()).toEqual(rows.map((r) => r.assessmentId).sort());
    for (const row of rows) {
      const content = row.content as { introduction: unknown; domains: Record<string, { strengths: unknown; potential: unknown }> };
      expect(content.introduction).toBeTruthy();
      for (const d of domainKeys) expect(JSON.stringify(content.domains[d])).toMatch(/strengths.*potential|potential.*strengths/);
    }
    await expectSavesKept(draft, acks);
    // The restarted instance serves them.
    const listed = (await (await fetch(`${origin}/api/v1/editions`)).json()) as { editions: unknown[] };
    expect(listed.editions.length).toBe(rows.length);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-crash-'));
  let app: ChildProcess | null = null;
  afterAll(async () => {
    if (app) await stopAppServer(app);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process at once, and after SIGKILL during saves opens with every acknowledged save', async () => {
    await closeDb();
    setDbHandle(await openPglite(dir));
    await unsafeSeedDemoData();
    const token = (await unsafeCreateApiToken('consultant@example.org', 'crash')).token;
    const { id } = await startAssessment(await actorOf('consultant@example.org'), { jurisdiction: 'lima', language: 'es' });
    await closeDb();

    const port = await freePort();
    const origin = `http://localhost:${port}`;
    app = await startAppServer(port, { DATABASE_URL: '', MGI_DATA_DIR: dir, AUTH_SECRET });

    // A second server on the same folder stops at once and says why.
    const started = Date.now();
    const second = spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/start.ts'], {
      env: { ...process.env, DATABASE_URL: '', MGI_DATA_DIR: dir, AUTH_SECRET, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use/i);
    expect(Date.now() - started).toBeLessThan(15_000);

    const stop = { now: false };
    const saves = saveLoop(origin, token, id, stop);
    await new Promise((r) => setTimeout(r, 3000));
    await killHard(app);
    app = null;
    const acks = await saves;

    setDbHandle(await openPglite(dir));
    try {
      await expectSavesKept(id, acks);
    } finally {
      await closeDb();
    }
  });
});
