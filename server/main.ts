import http from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { getHandle } from '../db/client';
import { DataDirInUseError } from '../db/pglite-lock';
import { stampPeerAddress } from '../lib/auth/client-address';
import { getEnv } from '../lib/env';
import { fileMethodRefusal, unbuildableMethodRefusal } from '../lib/http/allowed-methods';
import { createCollabServer } from './collab';
import { startProcessMetrics } from './process-metrics';

/*
 * The production HTTP server: Next's own request handler, and nothing between
 * it and the response. Routing of public URLs, the Content-Security-Policy and
 * Cache-Control are proxy.ts's, the static headers next.config.js's, caching
 * Next's ('use cache'). It exists rather than `next start` for two things only:
 * the embedded database is opened (and its folder locked) at start, and
 * WebSocket upgrades have a place to go (`onUpgrade`). (And TRACE, TRACK and
 * CONNECT are answered 405 here: no Request can carry them, so proxy.ts never
 * sees them and Next failed with a 500.) `npm start` and
 * `npm run demo` run it, bundled into the build folder (cli/serve.ts).
 */
const env = getEnv();
const port = process.argv.includes('--port') ? Number(process.argv[process.argv.indexOf('--port') + 1]) : env.PORT;
const app = next({ dev: false, dir: process.cwd(), port });
const handle = app.getRequestHandler();
// Opt-in figures for the benchmarks (bench/load-run.ts, bench/collab.ts): GET /__mgi/metrics, ?reset=1 to start a
// window, ?settled=1 for memory after a full garbage collection.
const metrics = env.MGI_METRICS ? startProcessMetrics() : null;

/**
 * WebSocket upgrades: the live-editing server (server/collab.ts) takes /collab;
 * any other upgrade is closed.
 */
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
const collab = createCollabServer({ redisUrl: env.REDIS_URL, redisPrefix: env.REDIS_PREFIX });
const onUpgrade: UpgradeHandler = (req, socket, head) => collab.handleUpgrade(req, socket, head);

// The embedded database is opened now, not on the first request, and alongside Next's own start:
// its data folder is then locked from the start (a second server on it stops at once) and the
// first reader does not wait.
const openEmbedded = env.DATABASE_URL ? Promise.resolve() : getHandle();
try {
  await Promise.all([app.prepare(), openEmbedded]);
} catch (error) {
  console.error(error instanceof DataDirInUseError ? `\n${error.message}\n` : error);
  process.exit(1);
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than what
 * clients and proxies keep theirs for (load balancers 60 s): a request sent on a connection the
 * server is closing at that moment fails with ECONNRESET, as a test's API request did on a busy
 * machine. The server keeps connections longer than they do, as proxies advise.
 */
const KEEP_ALIVE_MS = 65_000;

const server = http
  .createServer((req, res) => {
    // Before anything reads a header: the socket's address, for login throttling (lib/auth/client-address.ts).
    stampPeerAddress(req);
    // TRACE and the like cannot become a Request at all, and a PUT on a file made Next render a
    // "/405" page it does not have: both were 500s, so both are refused before Next.
    const path = (req.url ?? '/').split('?')[0];
    const refusal = unbuildableMethodRefusal(req.method, path) ?? fileMethodRefusal(req.method, path);
    if (refusal) {
      res.writeHead(refusal.status, { Allow: refusal.allow, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(refusal.status === 405 ? 'Method not allowed.\n' : undefined);
      return;
    }
    if (metrics && req.url?.startsWith('/__mgi/metrics')) {
      if (req.url.includes('reset')) metrics.reset();
      const body = req.url.includes('settled') ? metrics.settled() : metrics.read();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    void handle(req, res);
  })
  .on('upgrade', onUpgrade);
server.keepAliveTimeout = KEEP_ALIVE_MS;
server.headersTimeout = KEEP_ALIVE_MS + 1000; // must exceed keepAliveTimeout
server.listen(port, () => console.log(`> Ready on http://localhost:${port}`));

// A stop (Ctrl-C, SIGTERM) stores the open live documents first, within a few seconds: what was
// typed since the last pause is kept (browsers would send it again anyway, from their own copy).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(0), 5000).unref();
    void collab.close().finally(() => process.exit(0));
  });
}
