import { afterAll, beforeAll } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { closeDb, migrationsFolder, setDbHandle } from '../../db/client';
import { openPglite } from '../../db/open-pglite';
import { openPostgres } from '../../db/open-postgres';
import { assertLocalDatabase } from '../../e2e/support/assert-local-database';

export type Target = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL points at a local server. */
export const targets: Target[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];


/**
 * Gives the app a brand-new, migrated database for one test file: an in-memory
 * PGlite, or a fresh database on the local PostgreSQL server (dropped after).
 */
export async function openFreshDatabase(target: Target): Promise<() => Promise<void>> {
  await closeDb();
  if (target === 'pglite') {
    const handle = await openPglite(null, { loadDataDir: await migratedPgliteTemplate() }).catch(async (error) => {
      // A dump that cannot be loaded (a PGlite change the name does not capture): make it again, once.
      console.warn('The migrated PGlite dump could not be loaded; making it again.', error);
      fs.rmSync(await migratedPgliteTemplatePath(), { force: true });
      return openPglite(null, { loadDataDir: await migratedPgliteTemplate() });
    });
    setDbHandle(handle);
    return () => closeDb();
  }
  const baseUrl = process.env.DATABASE_URL!;
  assertLocalDatabase({ DATABASE_URL: baseUrl });
  const name = `mgi_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 25 });
  setDbHandle(handle);
  return async () => {
    await closeDb();
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}

/**
 * A dump of an empty, fully migrated PGlite database. Making one costs PGlite's
 * initdb and every migration (about 8 s on a quiet 2-core machine, 25 s on a
 * busy one); loading a dump costs a fraction. Kept in the system's temporary
 * folder under a name made from the migrations and PGlite's version, so that any
 * change to either makes a new one; written to a temporary name then renamed,
 * so that parallel runs never read half a file. openPglite still runs the
 * migrator on it, which finds nothing to do, so a wrong dump cannot go unseen.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const dumpFile = await migratedPgliteTemplatePath();
  if (!fs.existsSync(dumpFile)) {
    const fresh = await openPglite(null);
    const dump = await (fresh.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
    await fresh.close();
    const partial = `${dumpFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, dumpFile);
  }
  return new Blob([fs.readFileSync(dumpFile)]);
}

async function migratedPgliteTemplatePath(): Promise<string> {
  const hash = createHash('sha256');
  // The installed PGlite (its package.json is not exported: read it from the folder).
  hash.update(fs.readFileSync(path.join(process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json')));
  const files = fs.readdirSync(migrationsFolder, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  for (const full of files.map((f) => path.join(f.parentPath, f.name)).sort()) {
    hash.update(path.relative(migrationsFolder, full)).update(fs.readFileSync(full));
  }
  return path.join(os.tmpdir(), `mgi-pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Registers the hooks that give the enclosing describe block its own fresh database. */
export function freshDatabasePerSuite(target: Target) {
  let teardown: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    teardown = await openFreshDatabase(target);
  });
  afterAll(() => teardown?.());
}
