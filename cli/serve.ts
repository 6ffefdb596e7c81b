import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getHandle } from '../db/client';
import { acquireDataDirLock, DataDirInUseError } from '../db/pglite-lock';
import { demoAccountLines } from './demo-banner';
import { DEMO_PASSWORD, demoAccounts, unsafeImportDemoEditions, unsafeSeedDemoData, unsafeStartDemoReview } from '../lib/data/demo-seed';
import { getEnv, type Env } from '../lib/env';
import { buildIfNeeded, serverEntry } from './build-if-needed';

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** The demo keeps its generated secret in the data folder so sessions survive restarts. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function loadEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    fail((error as Error).message);
  }
}

/**
 * `npm start` and `npm run demo`: check the configuration, build if needed,
 * (demo only) fill an empty database, then run the production server (server/main.ts).
 */
export async function serve({ demo }: { demo: boolean }) {
  const env = loadEnv();
  const dataDir = path.resolve(env.MGI_DATA_DIR);
  if (demo && !env.AUTH_SECRET) process.env.AUTH_SECRET = demoSecret(dataDir);
  if (!process.env.AUTH_SECRET) {
    fail(
      'AUTH_SECRET is not set. A production server needs it to sign session cookies.\n' +
        'Set it to a random string of 32 characters or more, e.g. AUTH_SECRET=$(openssl rand -base64 32),\n' +
        'or try the app with `npm run demo`, which generates one.',
    );
  }
  if (!env.DATABASE_URL) {
    try {
      acquireDataDirLock(dataDir)(); // fail now, not on the first request
    } catch (error) {
      if (error instanceof DataDirInUseError) fail(error.message);
      throw error;
    }
  }

  const distDir = env.MGI_DIST_DIR;
  buildIfNeeded(distDir);

  if (demo) {
    try {
      await getHandle(); // creates and migrates the database
      const seeded = await unsafeSeedDemoData();
      if (seeded) {
        const reports = await unsafeImportDemoEditions();
        const published = reports.filter((r) => r.outcome === 'created').length;
        for (const r of reports) if (r.outcome === 'refused') console.error(`Demo profile ${r.source} not imported: ${r.message}`);
        const inReview = await unsafeStartDemoReview();
        console.log(`Demo data created, with ${published} published profiles from the MGI portal${inReview ? ", and Lima's next profile in review" : ''}.`);
      } else {
        console.log('The database already has data: starting on what is there.');
      }
    } catch (error) {
      if (error instanceof DataDirInUseError) fail(error.message);
      throw error;
    } finally {
      await closeDb();
    }
  }

  // server/main.ts: Next's own request handler, plus WebSocket upgrades for live editing.
  const child = spawn(
    process.execPath,
    [serverEntry(distDir), '--port', String(env.PORT)],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? env.APP_URL },
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

  console.log(`\nMGI Studio is starting on ${env.APP_URL}`);
  console.log(env.DATABASE_URL ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: embedded, in ${dataDir}`);
  if (demo) {
    console.log(`\nLog in with any of these accounts, password "${DEMO_PASSWORD}":`);
    for (const line of demoAccountLines(demoAccounts)) console.log(line);
    console.log(`\nPublished profiles, readable without logging in: ${env.APP_URL}/profiles`);
    console.log('');
  }
}
