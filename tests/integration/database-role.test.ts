import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/commands';
import { closeDb, getDb, setDbHandle } from '../../db/client';
import { openPostgres } from '../../db/open-postgres';
import { assertLocalDatabase } from '../../e2e/support/assert-local-database';
import { startAssessment } from '../../lib/data/assessments';
import { reviewDomain } from '../../lib/data/domain-reviews';
import { getEdition } from '../../lib/data/editions';
import { savePart } from '../../lib/data/parts';
import { searchPassages } from '../../lib/data/search';
import { approveProfile, publishProfile, submitForReview } from '../../lib/data/workflow';
import { getEnv } from '../../lib/env';
import { domainKeys, profileSlots } from '../../lib/domain/profile';
import { seedJurisdiction, seedUser } from '../support/seed';

/*
 * The app connected as a role that owns no table (README, "A database role
 * that owns nothing"): it works, and it cannot switch off or get round the
 * trigger that keeps editions unchanged. Migrations run as the owner, through
 * `npm run cli -- migrate --grant-to ROLE` or DATABASE_MIGRATION_URL.
 */

const base = process.env.DATABASE_URL ?? '';
const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

describe.skipIf(!base)('the app as a database role that owns no table', () => {
  const tag = randomBytes(5).toString('hex');
  const role = `mgi_app_${tag}`;
  const databases = [`mgi_role_${tag}`, `mgi_role_${tag}_new`, `mgi_role_${tag}_split`];
  let cluster: postgres.Sql;
  const urlOf = (database: string, user?: string) => {
    // Built lazily: vitest still runs a skipped describe's body, where base is ''.
    const url = new URL(base || 'postgres://skipped/');
    url.pathname = `/${database}`;
    if (user) {
      url.username = user;
      url.password = '';
    }
    return url.toString();
  };
  const ownerUrl = urlOf(databases[0]);
  const appUrl = urlOf(databases[0], role);

  beforeAll(async () => {
    assertLocalDatabase({ DATABASE_URL: base });
    cluster = postgres(base, { max: 1, onnotice: () => {} });
    await cluster.unsafe(`CREATE ROLE ${role} LOGIN`);
    for (const d of databases) await cluster.unsafe(`CREATE DATABASE ${d}`);
  });

  afterAll(async () => {
    await closeDb();
    for (const d of databases) await cluster.unsafe(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
    await cluster.unsafe(`DROP ROLE IF EXISTS ${role}`);
    await cluster.end();
  });

  it('migrates as the owner from the command line, granting the app role rows only', async () => {
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, readPassword: async () => '' };
    const code = await runCli(['migrate', '--grant-to', role], { ...io, env: { ...getEnv(), DATABASE_URL: ownerUrl, DATABASE_MIGRATION_URL: undefined } });
    expect(code, err).toBe(0);
    expect(err).toMatch(/Migrated the database to this version/);
    expect(err).toMatch(new RegExp(`Role ${role} may now read and write rows`));
  });

  it('runs the app on that role: profiles are written and published', async () => {
    await closeDb();
    setDbHandle(await openPostgres(appUrl));
    const db = await getDb();
    const [{ current_user: who }] = (await db.execute('select current_user')) as unknown as Array<{ current_user: string }>;
    expect(who).toBe(role);
    const j = await seedJurisdiction();
    const consultant = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'consultant' }] })).actor;
    const focal = (await seedUser({ roles: [{ jurisdictionId: j.id, role: 'focal_point' }] })).actor;
    const admin = (await seedUser({ isAdmin: true })).actor;
    const { id } = await startAssessment(consultant, { jurisdiction: j.slug, language: 'es' });
    for (const slot of profileSlots) await savePart(consultant, { assessmentId: id, ...slot }, { doc: para(`texto ${tag}`), baseRevision: 0 });
    await submitForReview(consultant, id);
    for (const d of domainKeys) await reviewDomain(focal, id, d, 'accept', null);
    await approveProfile(focal, id);
    await publishProfile(admin, id);
    expect((await getEdition(j.slug, 'latest', 'es'))?.title).toBeTruthy();
    // The search index was written by its triggers (as the owner), and the role reads it.
    expect((await searchPassages(null, { q: tag, page: 1 })).total).toBe(profileSlots.length);
  });

  it('may read the search index but not write it', async () => {
    const app = postgres(appUrl, { max: 1, onnotice: () => {} });
    try {
      await expect(app.unsafe('DELETE FROM search.passages')).rejects.toThrow(/permission denied/);
      await expect(app.unsafe("UPDATE search.passages SET body = 'x'")).rejects.toThrow(/permission denied/);
      const [{ n }] = await app`select count(*)::int as n from search.passages`;
      expect(n).toBeGreaterThan(0);
    } finally {
      await app.end();
    }
  });

  it('cannot switch off the editions trigger, nor change, delete or truncate an edition', async () => {
    const app = postgres(appUrl, { max: 1, onnotice: () => {} });
    try {
      const attempts: Array<[string, RegExp]> = [
        ['ALTER TABLE editions DISABLE TRIGGER editions_no_update_or_delete', /must be owner of table editions/],
        ['ALTER TABLE editions DISABLE TRIGGER ALL', /must be owner of table editions/],
        ['DROP TRIGGER editions_no_update_or_delete ON editions', /must be owner of (table|relation) editions/],
        ['CREATE OR REPLACE FUNCTION editions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$', /must be owner of function|permission denied/],
        ["SET session_replication_role = 'replica'", /permission denied to set parameter/],
        ["UPDATE editions SET title = 'changed'", /editions are immutable: UPDATE/],
        ['DELETE FROM editions', /editions are immutable: DELETE/],
        ['TRUNCATE editions', /permission denied for table editions/],
      ];
      for (const [statement, refusal] of attempts) {
        await expect(app.unsafe(statement), statement).rejects.toThrow(refusal);
      }
      const [{ n }] = await app`select count(*)::int as n from editions where title = 'changed'`;
      expect(n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('refuses to start on a database that needs migrating, saying how to migrate it', async () => {
    await expect(openPostgres(urlOf(databases[1], role))).rejects.toThrow(/npm run cli -- migrate.*DATABASE_MIGRATION_URL/s);
  });

  it('migrates through DATABASE_MIGRATION_URL and then connects as the app role', async () => {
    const owner = postgres(urlOf(databases[2]), { max: 1, onnotice: () => {} });
    try {
      // Granted ahead, as README says: rows of the tables the owner creates, nothing else.
      await owner.unsafe(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await owner.unsafe(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`);
    } finally {
      await owner.end();
    }
    const handle = await openPostgres(urlOf(databases[2], role), { migrationUrl: urlOf(databases[2]) });
    try {
      const rows = (await handle.db.execute('select count(*)::int as n from jurisdictions')) as unknown as Array<{ n: number }>;
      expect(rows[0].n).toBe(0);
      const refused = await handle.db.execute('ALTER TABLE editions DISABLE TRIGGER ALL').then(
        () => 'done',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(refused).toMatch(/must be owner of table editions/);
    } finally {
      await handle.close();
    }
  });
});
