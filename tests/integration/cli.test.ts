import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as an operator runs it, on its own embedded data folder.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-cli-'));
const run = (env: Record<string, string>, args: string[], input?: string) =>
  spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/index.ts', ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
const cli = (args: string[], input?: string) => run({ MGI_DATA_DIR: dir, DATABASE_URL: '' }, args, input);

describe('the command-line tool', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the first admin from a password on standard input, refusing a short one', () => {
    const short = cli(['admin', 'create', '--email', 'root@example.org'], 'too short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password: The password must be at least 12 characters/);
    const ok = cli(['admin', 'create', '--email', 'Root@Example.org', '--name', 'Root'], 'a long enough password\n');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/Admin root@example.org is ready/);
  });

  it('prints just the token on standard output, and lists and revokes it', () => {
    const created = cli(['token', 'create', '--email', 'root@example.org']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^mgi_[A-Za-z0-9_-]{43}\n$/);
    const listed = cli(['token', 'list', '--email', 'root@example.org']);
    const id = listed.stdout.split(/\s+/)[0];
    expect(listed.stdout).toMatch(/root@example.org\s+cli\s+active/);
    expect(cli(['token', 'revoke', '--id', id]).status).toBe(0);
    expect(cli(['token', 'list']).stdout).toMatch(/revoked/);
    const unknown = cli(['token', 'create', '--email', 'nobody@example.org']);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe('');
  });

  it('imports saved portal pages: a dry run writes nothing, a bad file is refused and the others go in, twice is once', () => {
    const seeds = ['huaquillas-2024-06.fr-ui.es.txt', 'lima-2022-08.fr-ui.es.txt', 'sonora-2024-06.fr-ui.es.txt'].map((f) => path.join('seeds/portal-pages', f));
    const broken = path.join(dir, 'broken.txt');
    fs.writeFileSync(broken, fs.readFileSync(seeds[2], 'utf8').replace('\nALIANZAS\n', '\nALIANZAS ESTRATÉGICAS\n'));

    const dry = cli(['import', '--dry-run', seeds[0]]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('huaquillas-2024-06.fr-ui.es.txt: would be imported (dry run: nothing written)');
    expect(dry.stdout).toContain('Jurisdiction: Cantón Huaquillas (huaquillas), municipality in Ecuador (new)');
    expect(dry.stdout).toContain('Edition: 2024 Juin (2024-06), in Español');
    expect(dry.stdout).toContain("Migrants' rights: 4 + 2 bullets");

    // Lima's title names no country and no "lima" exists yet: refused, the rest imported.
    const first = cli(['import', broken, ...seeds]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/\[1\/4\] broken.txt: refused: nothing of it written\n  Line 106: expected a section heading .* found "ALIANZAS ESTRATÉGICAS"/);
    expect(first.stderr).toMatch(/lima-2022-08.fr-ui.es.txt: refused[\s\S]*--country/);
    expect(first.stdout).toContain('[2/4] huaquillas-2024-06.fr-ui.es.txt: imported');
    expect(first.stdout).toContain('4 file(s): 2 imported, 0 already imported, 2 refused.');

    const second = cli(['import', '--country', 'Perú', ...seeds]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('3 file(s): 1 imported, 2 already imported, 0 refused.');
    expect(second.stdout).toContain('Jurisdiction: Municipalidad Metropolitana de Lima (lima), municipality in Perú (new)');
  });

  it('backs the embedded database up, and restores it into an empty data folder only', () => {
    const file = path.join(dir, 'backup.gz');
    const backup = cli(['backup', file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stderr).toMatch(/Backed up \d+ rows of \d+ tables \(3 editions\) to .*backup\.gz in [\d.]+ s\.\n$/);
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-restore-'));
    try {
      const restoreCli = (target: string) => run({ MGI_DATA_DIR: target, DATABASE_URL: '' }, ['restore', file]);
      const restored = restoreCli(into);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stderr).toMatch(/Restored \d+ rows .*\(3 editions\)/);
      const again = restoreCli(into);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/The database is not empty/);
      // The restored folder serves the same editions: the dry-run import finds them already there.
      const check = run({ MGI_DATA_DIR: into, DATABASE_URL: '' }, ['import', '--dry-run', 'seeds/portal-pages/huaquillas-2024-06.fr-ui.es.txt']);
      expect(check.stdout).toContain('already imported');
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
      const onPostgres = (args: string[]) => run({ DATABASE_URL: url.toString() }, args);
      const restored = onPostgres(['restore', path.join(dir, 'backup.gz')]);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stderr).toMatch(/Restored \d+ rows .*\(3 editions\)/);
      const again = onPostgres(['backup', path.join(dir, 'from-postgres.gz')]);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/Backed up \d+ rows .*\(3 editions\)/);
      expect(onPostgres(['import', '--dry-run', 'seeds/portal-pages/sonora-2024-06.fr-ui.es.txt']).stdout).toContain('already imported');
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('explains its usage on a wrong command', () => {
    const wrong = cli(['tokens', 'make']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Unknown command[\s\S]*Usage: npm run cli/);
  });
});
