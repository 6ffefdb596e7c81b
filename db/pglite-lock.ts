import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock on its data folder, and two processes opening it corrupt it.
 * We take an exclusive lock file holding our PID. A lock left by a process that
 * no longer runs (killed with SIGKILL, machine restarted) is taken over, so a
 * crash never leaves the folder unusable.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another process (pid ${pid}). ` +
        'Stop that process first (the embedded database allows one process at a time), ' +
        'or use PostgreSQL through DATABASE_URL to run several.',
    );
    this.name = 'DataDirInUseError';
  }
}

// Folders this process holds; shared across bundles of the same module (see db/client.ts).
const held = ((globalThis as { __mgiHeldDirs?: Set<string> }).__mgiHeldDirs ??= new Set<string>());

function processIsAlive(pid: number): boolean {
  // A lock with our own pid is from a previous life (pid reuse after a restart)
  // unless this very process holds it.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockFilePath(dataDir: string) {
  return path.join(dataDir, 'mgi.lock');
}

/** Takes the lock or throws DataDirInUseError. Returns a function that releases it. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  if (held.has(file)) throw new DataDirInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && processIsAlive(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      fs.rmSync(file, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}; try again.`);
}
