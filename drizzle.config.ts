import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; the app applies them
// itself on first start (db/migrate.ts), so this config only needs the schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  ...(process.env.DATABASE_URL
    ? { dbCredentials: { url: process.env.DATABASE_URL } }
    : { driver: 'pglite', dbCredentials: { url: process.env.MGI_DATA_DIR ?? '.data/pglite' } }),
});
