import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../lib/data/sql-rows';
import type { Db, Queryable } from './client';

/*
 * A logical backup: every row of every table as JSON, gzipped, one line each.
 * The same file restores into the embedded database or PostgreSQL, so a team
 * can also move from a trial on one machine to a real server. PostgreSQL
 * itself turns rows into JSON (row_to_json) and back (json_populate_recordset),
 * so every column type survives the trip exactly.
 */

const FORMAT = 'mgi-studio-backup';
const VERSION = 1;
const BATCH = 1000;

export class BackupError extends Error {}

interface Header {
  format: string;
  version: number;
  createdAt: string;
  /** The last migration applied: a backup restores only into the same schema. */
  migration: string;
}

async function lastMigration(db: Queryable): Promise<string> {
  const rows = rowsOf<{ hash: string }>(await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`));
  return rows[0]?.hash ?? 'none';
}

/** The app's tables, each after the tables it refers to. */
async function tablesInOrder(db: Queryable): Promise<{ tables: string[]; selfRefs: Map<string, Array<[string, string]>> }> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname`),
  ).map((r) => r.name);
  const links = rowsOf<{ child: string; parent: string; child_col: string; parent_col: string }>(
    await db.execute(sql`select cc.relname as child, pc.relname as parent, a.attname as child_col, af.attname as parent_col
      from pg_constraint k
      join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
      join pg_namespace n on n.oid = cc.relnamespace
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      join pg_attribute af on af.attrelid = k.confrelid and af.attnum = k.confkey[1]
      where k.contype = 'f' and n.nspname = 'public'`),
  );
  const selfRefs = new Map<string, Array<[string, string]>>();
  for (const l of links.filter((l) => l.child === l.parent)) selfRefs.set(l.child, [...(selfRefs.get(l.child) ?? []), [l.child_col, l.parent_col]]);
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => links.every((l) => l.child !== t || l.parent === t || !pending.has(l.parent)));
    if (ready.length === 0) throw new BackupError(`The tables ${[...pending].join(', ')} refer to each other in a cycle.`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return { tables: ordered, selfRefs };
}

/** Rows of a table that refers to itself (a jurisdiction's parent), parents first. */
function parentsFirst(rows: string[], refs: Array<[string, string]>): string[] {
  const parsed = rows.map((text) => ({ text, row: JSON.parse(text) as Record<string, unknown> }));
  const done = new Set<string>();
  const out: string[] = [];
  let remaining = parsed;
  while (remaining.length > 0) {
    const next = remaining.filter(({ row }) =>
      refs.every(([col, parentCol]) => row[col] === null || done.has(`${parentCol}:${String(row[col])}`) || !parsed.some((p) => p.row[parentCol] === row[col])),
    );
    if (next.length === 0) return [...out, ...remaining.map((r) => r.text)]; // a cycle: let the database say so
    for (const n of next) {
      out.push(n.text);
      for (const [, parentCol] of refs) done.add(`${parentCol}:${String(n.row[parentCol])}`);
    }
    remaining = remaining.filter((r) => !next.includes(r));
  }
  return out;
}

/** Writes the whole database to `file` (gzipped JSON lines). Returns the rows per table. */
export async function writeBackup(db: Db, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, fs.createWriteStream(partial));
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    // One snapshot for every table: a backup taken while people work is consistent.
    await db.transaction(
      async (tx) => {
        await write(JSON.stringify({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString(), migration: await lastMigration(tx) } satisfies Header));
        const { tables, selfRefs } = await tablesInOrder(tx);
        for (const table of tables) {
          const id = sql.raw(`"${table}"`);
          const refs = selfRefs.get(table);
          const held: string[] = []; // a table that refers to itself is sorted before writing
          let after = '(0,0)';
          counts[table] = 0;
          for (;;) {
            const batch = rowsOf<{ at: string; row: string }>(
              await tx.execute(sql`select ctid::text as at, row_to_json(t)::text as row from ${id} t where ctid > ${after}::tid order by ctid limit ${BATCH}`),
            );
            for (const b of batch) {
              if (refs) held.push(b.row);
              else await write(`{"table":${JSON.stringify(table)},"row":${b.row}}`);
            }
            counts[table] += batch.length;
            if (batch.length < BATCH) break;
            after = batch[batch.length - 1].at;
          }
          if (refs) for (const row of parentsFirst(held, refs)) await write(`{"table":${JSON.stringify(table)},"row":${row}}`);
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await write(JSON.stringify({ end: true, rows: counts }));
    gzip.end();
    await written;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file); // never leave a half-written file under the real name
  return counts;
}

/**
 * Restores a backup into an empty database of the same schema, in one
 * transaction: a damaged or incomplete file changes nothing.
 */
export async function restoreBackup(db: Db, file: string): Promise<Record<string, number>> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const input = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const lines = input[Symbol.asyncIterator]();
  const read = async (): Promise<Record<string, unknown> | null> => {
    const next = await lines.next();
    if (next.done) return null;
    try {
      return JSON.parse(next.value) as Record<string, unknown>;
    } catch {
      throw new BackupError('The backup is damaged: a line is not JSON.');
    }
  };

  let header: Record<string, unknown> | null;
  try {
    header = await read();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a backup of MGI Studio (${(error as Error).message}).`);
  }
  if (header?.format !== FORMAT) throw new BackupError(`${file} is not a backup of MGI Studio.`);
  if (header.version !== VERSION) throw new BackupError(`This backup has format version ${String(header.version)}; this version of MGI Studio reads version ${VERSION}.`);

  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => restoreRows(tx, header, read, counts)).catch((error: unknown) => {
    if (error instanceof BackupError) throw error;
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    throw new BackupError(`The backup could not be restored (${cause.slice(0, 300)}). Nothing was restored.`);
  });
  return counts;
}

/** Inside the restore's transaction: checks the target, then inserts table by table in batches. */
async function restoreRows(
  tx: Queryable,
  header: Record<string, unknown>,
  read: () => Promise<Record<string, unknown> | null>,
  counts: Record<string, number>,
) {
  if (header.migration !== (await lastMigration(tx))) {
    throw new BackupError('The backup was made by a different version of MGI Studio (its database schema differs). Restore it with that version.');
  }
  const { tables } = await tablesInOrder(tx);
  for (const table of tables) {
    const [{ used }] = rowsOf<{ used: boolean }>(await tx.execute(sql`select exists (select 1 from ${sql.raw(`"${table}"`)}) as used`));
    if (used) throw new BackupError(`The database is not empty (table ${table} has rows). Restore into a new database or an empty data folder.`);
  }
  let table: string | null = null;
  let batch: string[] = [];
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const id = sql.raw(`"${table}"`);
    await tx.execute(sql`insert into ${id} select * from json_populate_recordset(null::${id}, ${`[${batch.join(',')}]`}::json)`);
    counts[table] = (counts[table] ?? 0) + batch.length;
    batch = [];
  };
  for (;;) {
    const line = await read();
    if (!line) throw new BackupError('The backup is incomplete: it ends before its last line. Nothing was restored.');
    if (line.end === true) {
      await flush();
      const expected = (line.rows ?? {}) as Record<string, number>;
      for (const [t, n] of Object.entries(expected)) {
        if ((counts[t] ?? 0) !== n) throw new BackupError(`The backup is damaged: ${t} should have ${n} rows, it has ${counts[t] ?? 0}. Nothing was restored.`);
      }
      return;
    }
    const name = String(line.table);
    if (!tables.includes(name)) throw new BackupError(`The backup holds a table "${name}" this database does not have.`);
    if (name !== table) {
      await flush();
      table = name;
    }
    batch.push(JSON.stringify(line.row));
    if (batch.length >= 500) await flush();
  }
}
