import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Queryable } from '../../db/client';
import { editions, jurisdictions, type Jurisdiction } from '../../db/schema';
import type { FrozenJurisdiction, FrozenProfile, SignOff } from '../domain/edition';
import type { Locale } from '../domain/locales';
import { ConflictError, NotFoundError, isUniqueViolation } from './errors';

export interface ImportedEdition {
  jurisdiction: string;
  language: Locale;
  year: number;
  month: number;
  title: string;
  content: FrozenProfile;
  /** The file it came from, recorded in the edition's note. */
  source: string;
}

/**
 * Writes an edition that was published elsewhere (the portal's page text), for
 * the import and for seeded test data. Unchecked: the caller (the CLI, an
 * admin-only action) decides who may do it. Insert-only like every edition.
 */
export async function unsafeInsertImportedEdition(input: ImportedEdition) {
  const db = await getDb();
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.slug, input.jurisdiction));
  if (!j) throw new NotFoundError('jurisdiction');
  try {
    return await insertImportedEdition(db, j, input);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError('edition_exists', `${j.name} already has an edition in this language for ${input.year}-${String(input.month).padStart(2, '0')}.`);
    }
    throw error;
  }
}

/** The insert itself, on a connection or inside the caller's transaction. Dated the first of its month. */
export async function insertImportedEdition(db: Queryable, j: Jurisdiction, input: Omit<ImportedEdition, 'jurisdiction'>) {
  const frozen: FrozenJurisdiction = { name: j.name, level: j.level, country: j.country };
  const publishedAt = new Date(Date.UTC(input.year, input.month - 1, 1));
  const signOff: SignOff = {
    submittedBy: null,
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    publishedBy: null,
    publishedAt: publishedAt.toISOString(),
    resolvedComments: 0,
    importedFrom: input.source,
  };
  const [row] = await db
    .insert(editions)
    .values({
      jurisdictionId: j.id,
      language: input.language,
      year: input.year,
      month: input.month,
      title: input.title,
      content: input.content,
      jurisdiction: frozen,
      signOff,
      note: `Imported from ${input.source}`,
      publishedAt,
    })
    .returning({ id: editions.id });
  return row;
}
