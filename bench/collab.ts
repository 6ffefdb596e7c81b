import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { encode } from 'next-auth/jwt';
import * as Y from 'yjs';
import { closeDb, getDb, setDbHandle } from '../db/client';
import { openPglite } from '../db/open-pglite';
import { openPostgres } from '../db/open-postgres';
import { jurisdictions, memberships, users } from '../db/schema';
import { collabDocName } from '../lib/collab/doc-name';
import { COLLAB_FIELD } from '../lib/collab/yjs-doc';
import { loadActor } from '../lib/data/actor';
import { startAssessment } from '../lib/data/assessments';
import { savePart } from '../lib/data/parts';
import { createSession } from '../lib/data/sessions';
import { profileSlots, type PartKey, type SectionKey } from '../lib/domain/profile';
import { browserLikeSocket, openProvider } from '../tests/support/collab-client';
import { redisReachable } from '../tests/support/redis';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { latencyFigures, perDocumentKb, receiversOf, spread } from './collab-figures';
import { createScratchDatabase } from './scratch-database';
import type { Figure } from './stats';

/*
 * Live editing (server/collab.ts) against production servers: how long a
 * change made by one person takes to reach the others (2, 10 and 50 people in
 * one part, on one instance and across two sharing documents through Redis),
 * and the server's memory per open live document. The people are Node clients
 * of @hocuspocus/provider (the browser editor's own provider, over `ws`) with a
 * session cookie each, not browsers: the figure is the network and server
 * path, without the browser's rendering of the change.
 */

const PEOPLE = [2, 10, 50];
const ROUNDS = 40;
const OPEN_DOCUMENTS = 200;
/** A change not seen within this long is counted as missed (and the run goes on). */
const MISSED_AFTER_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const paragraphs = (n: number) => ({
  type: 'doc',
  content: Array.from({ length: n }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${i + 1} of a profile part, a sentence of ordinary length about migrants' rights.` }] })),
});

type Ref = { assessmentId: string; section: SectionKey; part: PartKey };

/** 50 consultants of one profile (its first part with some text), and 200 parts with text for the first of them. */
async function seedPeople(secret: string) {
  const db = await getDb();
  const people = await db
    .insert(users)
    .values(Array.from({ length: Math.max(...PEOPLE) }, (_, i) => ({ email: `collab-${i}@example.org`, name: `Collab ${i}` })))
    .returning();
  const refs: Ref[] = [];
  for (let a = 0; refs.length < OPEN_DOCUMENTS + 1; a++) {
    const [j] = await db.insert(jurisdictions).values({ slug: `collab-${a}`, name: `Collab ${a}`, level: 'municipality', country: 'Benchland' }).returning();
    const members = a === 0 ? people : people.slice(0, 1);
    await db.insert(memberships).values(members.map((u) => ({ userId: u.id, jurisdictionId: j.id, role: 'consultant' as const })));
    const actor = (await loadActor(people[0].id, 'token'))!;
    const { id } = await startAssessment(actor, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) {
      const ref = { assessmentId: id, section: slot.section as SectionKey, part: slot.part as PartKey };
      await savePart(actor, ref, { doc: paragraphs(3), baseRevision: 0 });
      refs.push(ref);
    }
  }
  // The cookie a browser of each person would send: a live session row behind a signed token.
  const cookies = [];
  for (const u of people) {
    const sid = await createSession(u.id, 'bench');
    cookies.push(`next-auth.session-token=${await encode({ token: { sub: u.id, sid }, secret, maxAge: 3600 })}`);
  }
  return { cookies, shared: collabDocName(refs[0]), documents: refs.slice(1, OPEN_DOCUMENTS + 1).map(collabDocName) };
}

const wsUrl = (origin: string) => `${origin.replace(/^http/, 'ws')}/collab`;
const firstText = (doc: Y.Doc) => (doc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Resolves with the time at which `doc` holds the writer's change up to `clock`, or null when not within MISSED_AFTER_MS. */
function arrival(doc: Y.Doc, client: number, clock: number): Promise<number | null> {
  return new Promise((resolve) => {
    const check = () => {
      if (Y.getState(doc.store, client) < clock) return;
      done(performance.now());
    };
    const timer = setTimeout(() => done(null), MISSED_AFTER_MS);
    const done = (at: number | null) => {
      clearTimeout(timer);
      doc.off('update', check);
      resolve(at);
    };
    doc.on('update', check);
    check();
  });
}

/** `people` editors of one part spread over `origins`; each round one of them types a character, timed at the others. */
async function latency(origins: string[], people: number, cookies: string[], name: string) {
  const instanceOf = spread(people, origins.length);
  const clients = await Promise.all(instanceOf.map((instance, i) => openProvider(wsUrl(origins[instance]), cookies[i], name)));
  try {
    const refused = clients.filter((c) => c.outcome !== 'synced').length;
    if (refused) throw new Error(`${refused} of ${people} live-editing clients were refused.`);
    const samples: number[] = [];
    let missed = 0;
    for (let round = -3; round < ROUNDS; round++) {
      const writer = ((round % people) + people) % people;
      const doc = clients[writer].document;
      const awaited = receiversOf(writer, instanceOf, origins.length > 1);
      const started = performance.now();
      firstText(doc).insert(0, 'x');
      const clock = Y.getState(doc.store, doc.clientID);
      const arrived = await Promise.all(awaited.map((i) => arrival(clients[i].document, doc.clientID, clock)));
      if (round < 0) continue; // warm-up rounds
      for (const at of arrived) {
        if (at === null) missed++;
        else samples.push(at - started);
      }
      await sleep(50); // a pause between keystrokes, as typing has
    }
    return { samples, missed };
  } finally {
    for (const c of clients) c.close();
  }
}

type Settled = { rssMb: number; heapUsedMb: number };
const settled = async (origin: string): Promise<Settled> => (await fetch(`${origin}/__mgi/metrics?settled=1`)).json() as Promise<Settled>;

/**
 * One person opening `names` over one connection (the provider multiplexes
 * documents), as a way to hold many documents open. In batches: the server
 * closes a connection with more than 100 documents awaiting authentication.
 */
async function openMany(origin: string, cookie: string, names: string[]) {
  const url = wsUrl(origin);
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: browserLikeSocket(cookie, origin) });
  const providers: HocuspocusProvider[] = [];
  let refused = 0;
  for (let at = 0; at < names.length; at += 50) {
    const batch = names.slice(at, at + 50).map((name) => new HocuspocusProvider({ websocketProvider: socket, name, document: new Y.Doc(), token: 'session' }));
    providers.push(...batch);
    const outcomes = await Promise.all(
      batch.map((provider) => {
        const outcome = new Promise<boolean>((resolve) => {
          provider.on('synced', () => resolve(true));
          provider.on('authenticationFailed', () => resolve(false));
        });
        provider.attach();
        return outcome;
      }),
    );
    refused += outcomes.filter((ok) => !ok).length;
  }
  return {
    refused,
    close() {
      for (const p of providers) p.destroy();
      socket.destroy();
    },
  };
}

/** The server's memory with OPEN_DOCUMENTS live documents open against none (after a first one was opened and closed, to load the code). */
async function memoryPerDocument(origin: string, cookie: string, names: string[]): Promise<Figure[]> {
  const warm = await openMany(origin, cookie, names.slice(0, 1));
  warm.close();
  await sleep(3000); // the server stores and unloads it
  const before = await settled(origin);
  const open = await openMany(origin, cookie, names);
  try {
    if (open.refused) throw new Error(`${open.refused} of ${names.length} documents were refused.`);
    await sleep(1000);
    const after = await settled(origin);
    const label = `live editing: server memory per open document (${names.length} open vs none`;
    return [
      { name: `${label}, heap)`, value: perDocumentKb(before.heapUsedMb * 2 ** 20, after.heapUsedMb * 2 ** 20, names.length), unit: 'KB' },
      { name: `${label}, RSS)`, value: perDocumentKb(before.rssMb * 2 ** 20, after.rssMb * 2 ** 20, names.length), unit: 'KB' },
    ];
  } finally {
    open.close();
  }
}

async function latencyRows(origins: string[], cookies: string[], name: string, where: string): Promise<{ figures: Figure[]; missed: number }> {
  const figures: Figure[] = [];
  let missed = 0;
  for (const people of PEOPLE) {
    const run = await latency(origins, people, cookies, name);
    missed += run.missed;
    figures.push(...latencyFigures(`live editing: change to another's screen, ${people} people, ${where}`, run.samples));
  }
  return { figures, missed };
}

export async function benchCollab(baseUrl: string | undefined): Promise<Figure[]> {
  const secret = randomBytes(32).toString('base64url');
  const env: Record<string, string> = { AUTH_SECRET: secret, MGI_METRICS: '1', REDIS_URL: '' };
  let drop = async () => {};
  if (baseUrl) {
    const scratch = await createScratchDatabase(baseUrl, 'mgi_bench_collab');
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
    setDbHandle(await openPostgres(env.DATABASE_URL));
  } else {
    env.DATABASE_URL = '';
    env.MGI_DATA_DIR = path.resolve('.data/bench-collab');
    fs.rmSync(env.MGI_DATA_DIR, { recursive: true, force: true });
    setDbHandle(await openPglite(env.MGI_DATA_DIR));
  }
  const servers: Awaited<ReturnType<typeof startAppServer>>[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const port = await freePort();
    servers.push(await startAppServer(port, { ...env, ...extra }));
    return `http://localhost:${port}`;
  };
  try {
    const seeded = await seedPeople(secret);
    await closeDb(); // the embedded database has one process at a time
    const figures: Figure[] = [];
    let missed = 0;

    const one = await start();
    figures.push(...(await memoryPerDocument(one, seeded.cookies[0], seeded.documents)));
    const single = await latencyRows([one], seeded.cookies, seeded.shared, 'one instance');
    figures.push(...single.figures);
    missed += single.missed;
    await Promise.all(servers.splice(0).map(stopAppServer));

    const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
    if (!baseUrl) console.log('Live editing across two instances skipped: two instances need PostgreSQL (DATABASE_URL).');
    else if (!(await redisReachable(redisUrl))) console.log(`Live editing across two instances skipped: Redis at ${redisUrl} does not answer.`);
    else {
      const shared = { REDIS_URL: redisUrl, REDIS_PREFIX: `mgi-bench-${randomBytes(5).toString('hex')}` };
      const origins = [await start(shared), await start(shared)];
      const across = await latencyRows(origins, seeded.cookies, seeded.shared, 'across two instances (Redis)');
      figures.push(...across.figures);
      missed += across.missed;
    }
    figures.push({ name: `live editing: changes not seen within ${MISSED_AFTER_MS / 1000} s`, value: missed, unit: '', target: { value: 1, better: 'lower' } });
    return figures;
  } finally {
    await Promise.all(servers.map(stopAppServer));
    await drop();
  }
}
