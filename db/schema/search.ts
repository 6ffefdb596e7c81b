import { sql, type SQL } from 'drizzle-orm';
import { bigint, check, customType, index, integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { assessments } from './assessments';
import { contentLanguage } from './content-language';
import { jurisdictionLevel } from './jurisdictions';

/**
 * The passage search's index (README, Search): one row per non-empty paragraph
 * (a bullet's text, or a paragraph) of every current edition and of every
 * unpublished profile's parts. Derived data, kept only by the database's own
 * triggers (migration 0018), in the same transaction as the publication,
 * import or save that changes it; it lives in its own schema so that backups
 * (db/backup.ts: the public schema) leave it out and a restore rebuilds it.
 */
export const searchSchema = pgSchema('search');

/** A passage's chunk from its id: floor(log2(id / 2048 + 1)), in exact numeric arithmetic so that the stretches' bounds fall on powers of two. */
export const passageChunkOf = (id: SQL) => sql`floor(log(2, ${id} / 2048.0 + 1))::int`;
/** The chunk of the last possible id (2^63 - 1): 52. */
export const MAX_PASSAGE_CHUNK = 52;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchPassages = searchSchema.table(
  'passages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /**
     * Set for a passage of an edition (its current version: a correction replaces its rows). No
     * foreign key: editions are never deleted, and a key would let TRUNCATE editions fail on it
     * instead of on the trigger that keeps editions unchanged (migration 0008).
     */
    editionId: uuid('edition_id'),
    /** Set for a passage of an unpublished profile (a draft, for those who may read it). */
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id').notNull(),
    /** As the edition froze them, or the jurisdiction's today for a draft. */
    jurisdictionName: text('jurisdiction_name').notNull(),
    country: text('country').notNull(),
    level: jurisdictionLevel('level').notNull(),
    language: contentLanguage('language').notNull(),
    /** The edition's month; null for drafts. */
    year: integer('year'),
    month: integer('month'),
    version: integer('version'),
    title: text('title').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    /** The paragraph's place among its part's paragraphs in reading order, from 1: the anchor `p-{section}-{part}-{ordinal}`. */
    ordinal: integer('ordinal').notNull(),
    body: text('body').notNull(),
    /** Words of the passage in its own language's configuration (migration 0016): stemmed, accents folded. */
    words: tsvector('words')
      .notNull()
      .generatedAlwaysAs(
        sql`to_tsvector(CASE language WHEN 'es' THEN 'spanish_unaccent'::regconfig WHEN 'fr' THEN 'french_unaccent'::regconfig ELSE 'english_unaccent'::regconfig END, body)`,
      ),
    /**
     * Which stretch of the table the passage is in (passageChunkOf: 0 for the first 2,047 ids,
     * then stretches twice as long each time). A search reads the stretches in turn, oldest first,
     * until it has enough matches (lib/data/search.ts), so its work stays about the same as the
     * table grows: the index's intersection for one stretch, not for every passage.
     */
    chunk: integer('chunk').notNull().generatedAlwaysAs(passageChunkOf(sql`id`)),
  },
  (t) => [
    // The words and the most selective filters in one GIN index (btree_gin, migration 0023; the chunk, 0024): a filtered
    // search's capped scan (README: Search) then reads only passages that match words and filters.
    // fastupdate off: new entries go straight into the index, not into a pending list that every scan
    // reads whole (and that only a vacuum empties, which the embedded database never runs by itself).
    index('passages_words_filters_idx').using('gin', t.words, t.chunk, t.country, t.section, t.year).with({ fastupdate: false }),
    index('passages_edition_idx').on(t.editionId),
    index('passages_assessment_idx').on(t.assessmentId, t.section, t.part),
    index('passages_jurisdiction_idx').on(t.jurisdictionId),
    check('passages_one_source', sql`(${t.editionId} IS NULL) <> (${t.assessmentId} IS NULL)`),
  ],
);
