import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as an operator runs it, on its own embedded data folder.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-cli-'));
const cli = (args: string[], input?: string) =>
  spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/index.ts', ...args], {
    env: { ...process.env, MGI_DATA_DIR: dir, DATABASE_URL: '' },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

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

  it('explains its usage on a wrong command', () => {
    const wrong = cli(['tokens', 'make']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Unknown command[\s\S]*Usage: npm run cli/);
  });
});
