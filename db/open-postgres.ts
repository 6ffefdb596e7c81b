import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { migrationsFolder, type Db } from './client';
import * as schema from './schema';

// Any fixed number: every instance uses the same one so that only one migrates at a time.
const MIGRATION_LOCK_KEY = 0x6d6769; // "mgi"

/** Connects to PostgreSQL and applies pending migrations under an advisory lock. */
export async function openPostgres(url: string, options: { max?: number } = {}) {
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle({ client: migrator }), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres' as const,
    close: () => client.end(),
  };
}
