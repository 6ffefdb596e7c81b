import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { acquireDataDirLock } from './pglite-lock';
import { migrationsFolder, type Db } from './client';
import * as schema from './schema';

/**
 * Opens (creating and migrating if needed) the embedded database under dataDir.
 * `loadDataDir` starts a new database from a dump (tests: an already migrated
 * one, tests/support/test-db.ts, which skips PGlite's initdb and the migrations).
 */
export async function openPglite(dataDir: string | null, { loadDataDir }: { loadDataDir?: Blob } = {}) {
  // dataDir null: an in-memory database (tests).
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {};
  try {
    // unaccent: the passage search's accent folding (db/migrations/0017_search_configs.sql); btree_gin:
    // its index of words and filters together (0021_search_filters_index.sql).
    const client = await PGlite.create({ dataDir: dataDir ? path.join(dataDir, 'pglite') : undefined, loadDataDir, extensions: { unaccent, btree_gin } });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite' as const,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
