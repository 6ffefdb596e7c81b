import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirInUseError, lockFilePath } from '../../db/pglite-lock';

// A real, live process to stand in for "another server holding the folder"; killed after each test,
// it lives long enough to outlast a CLI that starts slowly on a busy machine.
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
}

describe('the embedded data folder lock', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    children.splice(0).forEach((c) => c.kill('SIGKILL'));
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  });

  it('refuses a folder held by a live process, naming it', () => {
    const dir = tempDir();
    const holder = liveProcess();
    children.push(holder);
    fs.writeFileSync(lockFilePath(dir), String(holder.pid));
    expect(() => acquireDataDirLock(dir)).toThrowError(DataDirInUseError);
    expect(() => acquireDataDirLock(dir)).toThrowError(new RegExp(`in use by another process \\(pid ${holder.pid}\\)`));
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const holder = liveProcess();
    fs.writeFileSync(lockFilePath(dir), String(holder.pid));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFilePath(dir), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFilePath(dir))).toBe(false);
  });

  it('refuses a second open in the same process', () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrowError(DataDirInUseError);
    release();
    acquireDataDirLock(dir)();
  });

  it('makes the CLI say the folder is in use and exit, changing nothing', () => {
    const dir = tempDir();
    const holder = liveProcess();
    children.push(holder);
    fs.writeFileSync(lockFilePath(dir), String(holder.pid));
    const result = spawnSync('npx', ['tsx', '--conditions=react-server', 'cli/index.ts', 'token', 'list'], {
      env: { ...process.env, MGI_DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      // Starting tsx takes seconds, many more on a busy machine: only a hang should fail this.
      timeout: 170_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is in use by another process/);
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false);
  }, 180_000);
});
