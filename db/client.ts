import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { getEnv } from '../lib/env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

/*
 * Next bundles route handlers and pages separately, so this module can be
 * evaluated several times in one process. The handle lives on globalThis so
 * that the process opens the database exactly once: two PGlite instances on
 * one folder would corrupt it.
 */
const holder = globalThis as typeof globalThis & { __mgiDb?: Promise<DbHandle> };

/**
 * The one database client, opened on first use and never at import time:
 * `next build` imports server modules in worker processes, and an embedded
 * database opened there would lock (or corrupt) the data folder.
 */
export function getDb(): Promise<Db> {
  return getHandle().then((h) => h.db);
}

export function getHandle(): Promise<DbHandle> {
  holder.__mgiDb ??= open().catch((error) => {
    holder.__mgiDb = undefined; // allow a retry, e.g. once PostgreSQL is back
    throw error;
  });
  return holder.__mgiDb;
}

/** Makes an already-open database the app's database (tests use a fresh one per file). */
export function setDbHandle(handle: DbHandle): void {
  holder.__mgiDb = Promise.resolve(handle);
}

/** Closes the client (CLI commands and tests); the next getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const current = holder.__mgiDb;
  holder.__mgiDb = undefined;
  if (current) await (await current).close();
}

async function open(): Promise<DbHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const { openPostgres } = await import('./open-postgres');
    return openPostgres(env.DATABASE_URL, { migrationUrl: env.DATABASE_MIGRATION_URL });
  }
  const { openPglite } = await import('./open-pglite');
  return openPglite(path.resolve(env.MGI_DATA_DIR));
}
