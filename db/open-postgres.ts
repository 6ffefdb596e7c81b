import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { migrationsFolder, type Db } from './client';
import * as schema from './schema';

// Any fixed number: every instance uses the same one so that only one migrates at a time.
const MIGRATION_LOCK_KEY = 0x6d6769; // "mgi"

export class MigrationRightsError extends Error {}

/** PostgreSQL's error code, also when drizzle wraps the driver's error. */
function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
}

/** The creation time of the newest migration in this build (drizzle records it when applied). */
function newestMigrationMillis(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * Whether the database lacks a migration of this build. Only reads: a role that
 * may not create or alter tables can run the app on an up-to-date database.
 */
async function migrationsPending(client: postgres.Sql): Promise<boolean> {
  try {
    const [row] = await client`select max(created_at) as last from drizzle.__drizzle_migrations`;
    return row.last === null || Number(row.last) < newestMigrationMillis();
  } catch (error) {
    const code = pgCode(error);
    if (code === '42P01' || code === '3F000') return true; // no migration table or schema yet: a new database
    if (code === '42501') {
      throw new MigrationRightsError(
        'The database role in DATABASE_URL may not read drizzle.__drizzle_migrations, so the app cannot tell whether the schema is current. ' +
          'Grant it (npm run cli -- migrate --grant-to ROLE, run as the owner), or set DATABASE_MIGRATION_URL to an owner role.',
      );
    }
    throw error;
  }
}

/**
 * Applies pending migrations under an advisory lock, so that instances
 * starting together migrate once. Run by the tables' owner: `url` is
 * DATABASE_MIGRATION_URL when set, else DATABASE_URL.
 */
export async function migratePostgres(url: string): Promise<{ applied: boolean }> {
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    if (!(await migrationsPending(migrator))) return { applied: false };
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migrate(drizzle({ client: migrator }), { migrationsFolder });
    } finally {
      await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
    return { applied: true };
  } catch (error) {
    if (pgCode(error) === '42501') {
      const reason = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new MigrationRightsError(
        `The database needs migrating, and its role may not create or change tables (${reason}). ` +
          'Run `npm run cli -- migrate` with DATABASE_URL naming the owner role, or set DATABASE_MIGRATION_URL to it.',
      );
    }
    throw error;
  } finally {
    await migrator.end();
  }
}

/** What `migrate --grant-to ROLE` grants: the rows of every table, and nothing over the tables themselves. */
export function appRoleGrants(role: string): string[] {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`"${role}" is not a plain role name (lower-case letters, digits and _).`);
  const r = `"${role}"`;
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    // Tables created by later migrations (run by this same owner) are granted as they come.
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    // The passage search's index: read only; its triggers (run as the owner) write it.
    `GRANT USAGE ON SCHEMA search TO ${r}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA search TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA search GRANT SELECT ON TABLES TO ${r}`,
    // Only to see whether the schema is current.
    `GRANT USAGE ON SCHEMA drizzle TO ${r}`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}`,
  ];
}

/** Runs appRoleGrants as the owner, in one transaction. */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await owner.begin(async (tx) => {
      for (const statement of appRoleGrants(role)) await tx.unsafe(statement);
    });
  } finally {
    await owner.end();
  }
}

/**
 * Connects to PostgreSQL, migrating first when the database lacks a migration:
 * through `migrationUrl` (an owner role) when given, else through `url` itself.
 */
export async function openPostgres(url: string, options: { max?: number; migrationUrl?: string } = {}) {
  await migratePostgres(options.migrationUrl ?? url);
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'postgres' as const,
    close: () => client.end(),
  };
}
