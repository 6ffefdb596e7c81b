import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { BackupError, restoreBackup, writeBackup } from '../db/backup';
import { getDb } from '../db/client';
import { grantAppRole, MigrationRightsError, migratePostgres } from '../db/open-postgres';
import { getEnv, type Env } from '../lib/env';
import { consoleOutput, type CliOutput } from './output';
import { DataDirInUseError } from '../db/pglite-lock';
import { unsafeCreateApiToken, unsafeListApiTokens, unsafeRevokeApiToken } from '../lib/data/api-tokens';
import { DataError } from '../lib/data/errors';
import { unsafeIssueResetLink, unsafeUpsertAdmin } from '../lib/data/users';
import { runImport } from './import-command';
import { emailSchema } from '../lib/domain/admin-schemas';
import { passwordSchema } from '../lib/domain/password-policy';
import en from '../messages/en.json';

const usage = `Usage: npm run cli -- <command> [options]

  admin create --email EMAIL [--name NAME]
      Creates a global admin (or promotes an existing user and sets their password).
      The password is asked for, or read from standard input when it is not a terminal.
  token create --email EMAIL [--name LABEL]
      Prints a new API token for that user, and nothing else. Use it as
      "Authorization: Bearer TOKEN"; it carries that user's rights.
  token list [--email EMAIL]
  token revoke --id TOKEN_ID
  user reset-link --email EMAIL
      Prints a one-time link (72 hours) to set that user's password. For the accounts
      the web refuses to reset (admins and focal points); recorded, and the person told.
  backup FILE
      Writes every row of the database (embedded or PostgreSQL) to FILE, gzipped,
      from one consistent snapshot; safe while PostgreSQL servers run.
  restore FILE
      Restores such a file into an empty database (a new data folder, or a new
      PostgreSQL database), in one transaction: a damaged file changes nothing.
  migrate [--grant-to ROLE]
      Applies pending schema migrations (PostgreSQL: through DATABASE_MIGRATION_URL
      when set, else DATABASE_URL; run it as the tables' owner). --grant-to gives
      ROLE the rights the app needs and no more: read and write rows, not change
      or own tables (so it cannot switch off the editions trigger).
  import FILE… [--dry-run] [--country COUNTRY]
      (also: npm run import -- FILE…) Publishes profiles saved from the MGI portal as
      page text, one edition per file; finds or creates each jurisdiction. --dry-run
      prints what each file holds and writes nothing; --country gives the country
      when a title does not name it. Importing a file twice creates nothing new.
`;

/** What a command reads and writes: the process's own, or a test's. */
export type CliIO = CliOutput & { readPassword: () => Promise<string>; env?: Env };

/** The operator's password: typed without echo on a terminal, else the first line of standard input. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.includes('Password')) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question('Password (12+ characters): ', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function check<T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T; error?: { issues: { message: string }[] } } }, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // Schema messages are catalog keys; the operator reads the English text.
    const key = parsed.error?.issues[0]?.message.replace(/^validation\./, '') ?? '';
    throw new UsageError(`${what}: ${(en.validation as Record<string, string>)[key] ?? key}`);
  }
  return parsed.data as T;
}

class UsageError extends Error {}
/** A command that already said what went wrong (e.g. an import with refused files). */
class SilentFailure extends Error {}

async function run(argv: string[], io: CliIO): Promise<void> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      id: { type: 'string' },
      help: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      country: { type: 'string' },
      'grant-to': { type: 'string' },
    },
  });
  const [group, verb] = positionals;
  if (values.help || !group) {
    out(usage);
    return;
  }
  if (group === 'admin' && verb === 'create') {
    if (!values.email) throw new UsageError('--email is required');
    const email = check<string>(emailSchema, values.email, 'email');
    const password = check<string>(passwordSchema, await io.readPassword(), 'password');
    const user = await unsafeUpsertAdmin({ email, name: values.name ?? email.split('@')[0], password });
    err(`Admin ${user.email} is ready; log in with that password.`);
    return;
  }
  if (group === 'backup' || group === 'restore') {
    const file = positionals[1];
    if (!file) throw new UsageError(`${group}: name the file`);
    const db = await getDb();
    const started = Date.now();
    const counts = group === 'backup' ? await writeBackup(db, path.resolve(file)) : await restoreBackup(db, path.resolve(file));
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    err(
      `${group === 'backup' ? 'Backed up' : 'Restored'} ${rows} rows of ${Object.keys(counts).length} tables (${counts.editions ?? 0} editions) ${group === 'backup' ? 'to' : 'from'} ${file} in ${seconds} s.`,
    );
    return;
  }
  if (group === 'import') {
    const files = positionals.slice(1);
    if (files.length === 0) throw new UsageError('import: name at least one file');
    const allGood = await runImport(files, { dryRun: values['dry-run'] ?? false, country: values.country?.trim() || undefined }, io);
    if (!allGood) throw new SilentFailure();
    return;
  }
  if (group === 'migrate') {
    const env = io.env ?? getEnv();
    if (!env.DATABASE_URL) {
      await getDb(); // the embedded database migrates as it opens
      if (values['grant-to']) throw new UsageError('--grant-to is for PostgreSQL: the embedded database has no roles');
      err('The embedded database is up to date.');
      return;
    }
    const ownerUrl = env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL;
    const { applied } = await migratePostgres(ownerUrl);
    err(applied ? 'Migrated the database to this version.' : 'The database is already up to date.');
    if (values['grant-to']) {
      await grantAppRole(ownerUrl, values['grant-to']);
      err(`Role ${values['grant-to']} may now read and write rows, and nothing more.`);
    }
    return;
  }
  if (group === 'token' && verb === 'create') {
    if (!values.email) throw new UsageError('--email is required');
    const { token } = await unsafeCreateApiToken(values.email, values.name ?? 'cli');
    io.stdout.write(`${token}\n`);
    return;
  }
  if (group === 'token' && verb === 'list') {
    const rows = await unsafeListApiTokens(values.email);
    for (const r of rows) {
      const state = r.revokedAt ? 'revoked' : 'active';
      out(`${r.id}  ${r.email}  ${r.name}  ${state}  created ${r.createdAt.toISOString()}`);
    }
    if (rows.length === 0) out('No tokens.');
    return;
  }
  if (group === 'token' && verb === 'revoke') {
    if (!values.id) throw new UsageError('--id is required');
    await unsafeRevokeApiToken(values.id);
    err('Token revoked.');
    return;
  }
  if (group === 'user' && verb === 'reset-link') {
    if (!values.email) throw new UsageError('--email is required');
    io.stdout.write(`${await unsafeIssueResetLink(values.email)}\n`);
    return;
  }
  throw new UsageError(`Unknown command: ${positionals.join(' ')}`);
}

/**
 * Runs one command line (without "npm run cli --"); answers the exit code.
 * The database stays open: the caller closes it (cli/index.ts) or reuses it (tests).
 */
export async function runCli(argv: string[], io: CliIO = { ...consoleOutput, readPassword }): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof SilentFailure) return 1;
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${usage}\n`);
    } else if (error instanceof DataDirInUseError || error instanceof DataError || error instanceof BackupError || error instanceof MigrationRightsError) {
      io.stderr.write(`${error.message}\n`);
    } else if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
    } else {
      io.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    }
    return 1;
  }
}
