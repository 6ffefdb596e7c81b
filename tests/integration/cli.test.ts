import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, setDbHandle, type DbHandle } from '../../db/client';
import { openPglite } from '../../db/open-pglite';
import { openPostgres } from '../../db/open-postgres';
import { runCli } from '../../cli/commands';
import { getEnv, type Env } from '../../lib/env';

/*
 * The CLI's commands run in this process (cli/commands.ts), on an embedded data
 * folder of their own: starting `npx tsx` per call took seconds each and timed
 * out on a busy machine. One smoke test below starts the real command line.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-cli-'));

type Result = { status: number; stdout: string; stderr: string };

/** Runs a command on whatever database the app holds now, collecting what it writes. */
async function cli(args: string[], input = '', env?: Env): Promise<Result> {
  const result = { status: 0, stdout: '', stderr: '' };
  result.status = await runCli(args, {
    stdout: { write: (text: string) => (result.stdout += text) },
    stderr: { write: (text: string) => (result.stderr += text) },
    readPassword: async () => input.split(/\r?\n/)[0] ?? '',
    env,
  });
  return result;
}

/** Runs commands on another database (a restore target), then gives the app its own back. */
async function onDatabase<T>(open: () => Promise<DbHandle>, body: () => Promise<T>): Promise<T> {
  await closeDb();
  setDbHandle(await open());
  try {
    return await body();
  } finally {
    await closeDb();
    setDbHandle(await openPglite(dir));
  }
}

describe('the command-line tool', () => {
  beforeAll(async () => {
    await closeDb();
    setDbHandle(await openPglite(dir));
  });
  afterAll(async () => {
    await closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first admin from a password on standard input, refusing a short one', async () => {
    const short = await cli(['admin', 'create', '--email', 'root@example.org'], 'too short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password: The password must be at least 12 characters/);
    const ok = await cli(['admin', 'create', '--email', 'Root@Example.org', '--name', 'Root'], 'a long enough password\n');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/Admin root@example.org is ready/);
  });

  it('prints just the token on standard output, and lists and revokes it', async () => {
    const created = await cli(['token', 'create', '--email', 'root@example.org']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^mgi_[A-Za-z0-9_-]{43}\n$/);
    const listed = await cli(['token', 'list', '--email', 'root@example.org']);
    const id = listed.stdout.split(/\s+/)[0];
    expect(listed.stdout).toMatch(/root@example.org\s+cli\s+active/);
    expect((await cli(['token', 'revoke', '--id', id])).status).toBe(0);
    expect((await cli(['token', 'list'])).stdout).toMatch(/revoked/);
    const unknown = await cli(['token', 'create', '--email', 'nobody@example.org']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
  });

  it('imports saved portal pages: a dry run writes nothing, a bad file is refused and the others go in, twice is once', async () => {
    const seeds = ['huaquillas-2024-06.fr-ui.es.txt', 'lima-2022-08.fr-ui.es.txt', 'sonora-2024-06.fr-ui.es.txt'].map((f) => path.join('seeds/portal-pages', f));
    const broken = path.join(dir, 'broken.txt');
    fs.writeFileSync(broken, fs.readFileSync(seeds[2], 'utf8').replace('\nALIANZAS\n', '\nALIANZAS ESTRATÉGICAS\n'));

    const dry = await cli(['import', '--dry-run', seeds[0]]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('huaquillas-2024-06.fr-ui.es.txt: would be imported (dry run: nothing written)');
    expect(dry.stdout).toContain('Jurisdiction: Cantón Huaquillas (huaquillas), municipality in Ecuador (new)');
    expect(dry.stdout).toContain('Edition: 2024 Juin (2024-06), in Español');
    expect(dry.stdout).toContain("Migrants' rights: 4 + 2 bullets");

    // Lima's title names no country and no "lima" exists yet: refused, the rest imported.
    const first = await cli(['import', broken, ...seeds]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/\[1\/4\] broken.txt: refused: nothing of it written\n  Line 106: expected a section heading .* found "ALIANZAS ESTRATÉGICAS"/);
    expect(first.stderr).toMatch(/lima-2022-08.fr-ui.es.txt: refused[\s\S]*--country/);
    expect(first.stdout).toContain('[2/4] huaquillas-2024-06.fr-ui.es.txt: imported');
    expect(first.stdout).toContain('4 files: 2 imported, 0 already imported, 2 refused.');

    const second = await cli(['import', '--country', 'Perú', ...seeds]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('3 files: 1 imported, 2 already imported, 0 refused.');
    expect(second.stdout).toContain('Jurisdiction: Municipalidad Metropolitana de Lima (lima), municipality in Peru (new)');
  });

  it('backs the embedded database up, and restores it into an empty data folder only', async () => {
    const file = path.join(dir, 'backup.gz');
    const backup = await cli(['backup', file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Backed up \d+ rows of \d+ tables \(3 editions\) to .*backup\.gz in [\d.]+ s\.\n$/);
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-restore-'));
    try {
      await onDatabase(
        () => openPglite(into),
        async () => {
          const restored = await cli(['restore', file]);
          expect(restored.status, restored.stderr).toBe(0);
          expect(restored.stderr).toMatch(/Restored \d+ rows .*\(3 editions\)/);
          const again = await cli(['restore', file]);
          expect(again.status).toBe(1);
          expect(again.stderr).toMatch(/The database is not empty/);
          // The restored folder serves the same editions: the dry-run import finds them already there.
          const check = await cli(['import', '--dry-run', 'seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt']);
          expect(check.stdout).toContain('already imported');
        },
      );
    } finally {
      fs.rmSync(into, { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('restores that backup into PostgreSQL and backs PostgreSQL up, from the command line', async () => {
    const base = process.env.DATABASE_URL!;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    const name = `mgi_cli_${Date.now()}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      await onDatabase(
        () => openPostgres(url.toString()),
        async () => {
          const restored = await cli(['restore', path.join(dir, 'backup.gz')]);
          expect(restored.status, restored.stderr).toBe(0);
          expect(restored.stderr).toMatch(/Restored \d+ rows .*\(3 editions\)/);
          const again = await cli(['backup', path.join(dir, 'from-postgres.gz')]);
          expect(again.status, again.stderr).toBe(0);
          expect(again.stderr).toMatch(/Backed up \d+ rows .*\(3 editions\)/);
          expect((await cli(['import', '--dry-run', 'seeds/portal-pages/sonora-2024-06.fr-ui.es.txt'])).stdout).toContain('already imported');
        },
      );
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('says the embedded database is up to date on migrate, and refuses --grant-to there', async () => {
    const embedded = { ...getEnv(), DATABASE_URL: undefined };
    const migrated = await cli(['migrate'], '', embedded);
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stderr).toMatch(/up to date/);
    const grant = await cli(['migrate', '--grant-to', 'mgi_app'], '', embedded);
    expect(grant.status).toBe(1);
    expect(grant.stderr).toMatch(/--grant-to is for PostgreSQL/);
  });

  it('explains its usage on a wrong command', async () => {
    const wrong = await cli(['tokens', 'make']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Unknown command[\s\S]*Usage: npm run cli/);
  });

  it('runs as an operator starts it: npm run cli, in a process of its own (smoke test)', async () => {
    // The one spawned call: a slow start on a busy machine is no failure, so the wait is long.
    const smoke = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-cli-smoke-'));
    try {
      const listed = spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/index.ts', 'token', 'list'], {
        env: { ...process.env, MGI_DATA_DIR: smoke, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 170_000,
      });
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout).toBe('No tokens.\n');
    } finally {
      fs.rmSync(smoke, { recursive: true, force: true });
    }
  }, 180_000);
});
