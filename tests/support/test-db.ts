import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { closeDb, setDbHandle } from '../../db/client';
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
    const handle = await openPglite(null);
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

/** Registers the hooks that give the enclosing describe block its own fresh database. */
export function freshDatabasePerSuite(target: Target) {
  let teardown: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    teardown = await openFreshDatabase(target);
  });
  afterAll(() => teardown?.());
}
