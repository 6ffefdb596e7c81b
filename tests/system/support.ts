import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import postgres from 'postgres';
import { closeDb, setDbHandle } from '../../db/client';
import { openPostgres } from '../../db/open-postgres';
import { assertLocalDatabase } from '../../e2e/support/assert-local-database';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { unsafeSeedDemoData } from '../../lib/data/demo-seed';
import { freePort, startAppServer, stopAppServer } from '../../bench/app-server';

/*
 * System tests run production servers (server/main.ts, the build from `next
 * build`) against the local PostgreSQL, and break things around them.
 */

export const baseUrl = process.env.DATABASE_URL ?? '';
export const AUTH_SECRET = randomBytes(32).toString('base64url');

/** A new migrated database with the demo accounts, opened in this process too; and its API tokens. */
export async function freshSeededDatabase() {
  assertLocalDatabase({ DATABASE_URL: baseUrl });
  const name = `mgi_system_${randomBytes(5).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await closeDb();
  setDbHandle(await openPostgres(url.toString(), { max: 10 }));
  await unsafeSeedDemoData();
  const tokens = {
    admin: (await unsafeCreateApiToken('admin@example.org', 'system')).token,
    consultant: (await unsafeCreateApiToken('consultant@example.org', 'system')).token,
  };
  return {
    url: url.toString(),
    tokens,
    drop: async () => {
      await closeDb();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * A TCP relay in front of PostgreSQL that a test can cut and restore: the app
 * sees exactly what it would see if the server stopped (refused and reset
 * connections), without stopping the server other tests share.
 */
export async function cuttableRelay(target = new URL(baseUrl)) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await freePort();
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  await open();
  return {
    port,
    /** The database URL through the relay. */
    via: (url: string) => {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut: async () => {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

export { freePort } from '../../bench/app-server';

/** Logs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function sessionCookie(origin: string, email: string, password = 'demo-password-2024'): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: '/' }),
  });
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).filter((c) => c.includes('session-token'));
  if (session.length === 0) throw new Error(`Login as ${email} failed (${login.status}).`);
  return [...jar, ...session].join('; ');
}

/** Kills a server without warning, and waits until the system has reaped it (its locks are then stale). */
export async function killHard(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Production instances on one database, sharing their session secret (and `env`): their origins, processes, and how to stop them. */
export async function startInstances(count: number, databaseUrl: string, env: Record<string, string> = {}) {
  const apps: ChildProcess[] = [];
  const origins: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    origins.push(`http://localhost:${port}`);
    apps.push(await startAppServer(port, { DATABASE_URL: databaseUrl, AUTH_SECRET, ...env }));
  }
  return { origins, apps, stop: () => Promise.all(apps.map(stopAppServer)) };
}

/**
 * A load balancer in front of several instances, as a deployment has: each
 * connection goes to the first of `origins` that accepts it, so when that
 * instance dies, the browser's next connection (its editor reconnecting) lands
 * on the next one. The browser only ever knows the balancer's address.
 */
export async function failoverBalancer(origins: string[]) {
  const ports = origins.map((o) => Number(new URL(o).port));
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  };
  const server = net.createServer((client) => {
    track(client);
    client.pause();
    const attempt = (i: number) => {
      if (i >= ports.length) return client.destroy();
      const upstream = net.connect(ports[i], '127.0.0.1');
      track(upstream);
      let connected = false;
      upstream.once('error', () => {
        if (!connected) attempt(i + 1); // refused: that instance is down
      });
      upstream.once('connect', () => {
        connected = true;
        client.pipe(upstream).pipe(client);
        client.resume();
        // Either side going away ends the other, as an instance dying ends its connections.
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
      });
    };
    attempt(0);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    origin: `http://localhost:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
