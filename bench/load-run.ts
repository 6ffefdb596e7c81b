import http from 'node:http';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { jurisdictions, memberships, partRevisions, users } from '../db/schema';
import { loadActor } from '../lib/data/actor';
import { unsafeCreateApiToken } from '../lib/data/api-tokens';
import { startAssessment } from '../lib/data/assessments';
import { unsafeImportDemoEditions, unsafeSeedDemoData } from '../lib/data/demo-seed';
import { profileSlots } from '../lib/domain/profile';

/*
 * The load run shared by the system test (tests/system/load.test.ts: nothing
 * fails, nothing is lost) and the benchmark (bench/load.ts: how fast, how
 * much memory, how long the event loop stalls): editors saving their part
 * every few seconds, and public readers at a steady rate, spread over the
 * instances given.
 */

export type Part = { id: string; section: string; part: string };
export type Ack = Part & { revision: number; text: string };

/** In the open database: 52 parts for one consultant with a token, and the demo editions for readers. */
export async function seedLoad(): Promise<{ token: string; parts: Part[]; readPaths: string[] }> {
  await unsafeSeedDemoData(); // the demo jurisdictions, for the editions (no-op when there are users)
  const db = await getDb();
  const [user] = await db.insert(users).values({ email: 'load@example.org', name: 'Load Editor' }).returning();
  const parts: Part[] = [];
  for (let i = 0; i < 4; i++) {
    const [j] = await db.insert(jurisdictions).values({ slug: `load-${i}`, name: `Load ${i}`, level: 'municipality', country: 'Loadland' }).returning();
    await db.insert(memberships).values({ userId: user.id, jurisdictionId: j.id, role: 'consultant' });
    const { id } = await startAssessment((await loadActor(user.id, 'token'))!, { jurisdiction: j.slug, language: 'en' });
    for (const slot of profileSlots) parts.push({ id, ...slot });
  }
  await unsafeImportDemoEditions();
  const { token } = await unsafeCreateApiToken('load@example.org', 'load');
  const readPaths = ['/profiles/huaquillas/2024-06', '/profiles/sonora/2024-06', '/profiles/lima', '/profiles', '/api/v1/editions'];
  return { token, parts, readPaths };
}

export interface LoadPlan {
  origins: string[];
  token: string;
  /** One per editor. */
  parts: Part[];
  seconds: number;
  readersPerSecond: number;
  readPaths: string[];
}

export interface LoadResult {
  saveMs: number[];
  readMs: number[];
  /** Reads sent; each one answered lands in readMs or errors. */
  readsSent: number;
  errors: string[];
  acks: Ack[];
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Connections to each instance for the public reads. */
const READ_CONNECTIONS = 32;

/** One public read, its body drained (not decoded): the status. */
function read(url: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { accept: 'text/html', 'accept-encoding': 'gzip' } }, (response) => {
        response.on('error', reject).on('end', () => resolve(response.statusCode ?? 0));
        response.resume();
      })
      .on('error', reject);
  });
}

/** fetch's own message ("fetch failed") hides why: the cause's code says it (ECONNRESET, a timeout). */
function failure(error: Error): string {
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const result: LoadResult = { saveMs: [], readMs: [], readsSent: 0, errors: [], acks: [] };
  const deadline = Date.now() + plan.seconds * 1000;

  const editor = async (p: Part, n: number) => {
    const origin = plan.origins[n % plan.origins.length];
    await sleep((n * 3000) / plan.parts.length); // people do not start in lockstep
    let revision = 0;
    for (let i = 0; Date.now() < deadline; i++) {
      const text = `Editor ${n}, save ${i}: a sentence of ordinary length for a profile, typed at a normal pace.`;
      const started = performance.now();
      try {
        const r = await fetch(`${origin}/api/v1/assessments/${p.id}/sections/${p.section}/${p.part}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${plan.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ doc: doc(text), baseRevision: revision }),
        });
        result.saveMs.push(performance.now() - started);
        if (r.status !== 200) {
          result.errors.push(`save ${r.status} on ${origin}: ${(await r.text()).slice(0, 200)}`);
        } else {
          revision = ((await r.json()) as { revision: number }).revision;
          result.acks.push({ ...p, revision, text });
        }
      } catch (error) {
        result.errors.push(`save failed on ${origin}: ${failure(error as Error)}`);
      }
      await sleep(2000 + Math.random() * 2000); // "every few seconds"
    }
  };

  // Readers reach each instance through a bounded pool of kept-alive connections, as they would through
  // a reverse proxy (or a browser's six per host): a read waits for a free connection. With a new
  // connection per read, a machine slower than the rate overflowed the server's accept queue, and
  // fetch gave up after its 10 s connect timeout: a failure of the test's client, not of a server.
  const agents = new Map(plan.origins.map((o) => [o, new http.Agent({ keepAlive: true, maxSockets: READ_CONNECTIONS })]));
  const readers = async () => {
    const inFlight: Promise<void>[] = [];
    const tick = 50;
    const perTick = Math.max(1, Math.round((plan.readersPerSecond * tick) / 1000));
    for (let k = 0; Date.now() < deadline; ) {
      const tickStart = Date.now();
      for (let j = 0; j < perTick; j++, k++) {
        const origin = plan.origins[k % plan.origins.length];
        const path = plan.readPaths[k % plan.readPaths.length];
        const started = performance.now();
        result.readsSent++;
        inFlight.push(
          read(`${origin}${path}`, agents.get(origin)!)
            .then((status) => {
              result.readMs.push(performance.now() - started);
              if (status !== 200) result.errors.push(`read ${status} ${path} on ${origin}`);
            })
            .catch((error: Error) => {
              result.errors.push(`read failed ${path} on ${origin}: ${failure(error)}`);
            }),
        );
      }
      await sleep(Math.max(0, tick - (Date.now() - tickStart)));
    }
    await Promise.all(inFlight);
    for (const agent of agents.values()) agent.destroy();
  };

  await Promise.all([...plan.parts.map(editor), readers()]);
  return result;
}

/** The acknowledged saves that the database does not hold (there should be none). */
export async function lostSaves(acks: Ack[]): Promise<Ack[]> {
  const db = await getDb();
  const lost: Ack[] = [];
  for (const ack of acks) {
    const [row] = await db
      .select({ doc: partRevisions.doc })
      .from(partRevisions)
      .where(and(eq(partRevisions.assessmentId, ack.id), eq(partRevisions.section, ack.section), eq(partRevisions.part, ack.part), eq(partRevisions.revision, ack.revision)));
    if (!row || !JSON.stringify(row.doc).includes(ack.text)) lost.push(ack);
  }
  return lost;
}
