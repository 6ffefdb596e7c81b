import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  type AnyPgColumn,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentStates } from '../../lib/domain/workflow';
import { contentLanguage } from './content-language';
import { jurisdictions } from './jurisdictions';
import { users } from './users';

export const assessmentState = pgEnum('assessment_state', assessmentStates);
// Kept in its own file, which editions.ts imports without importing this one.
export { contentLanguage };

/** A profile being written: one per jurisdiction and language until it is published. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    language: contentLanguage('language').notNull(),
    title: text('title').notNull(),
    state: assessmentState('state').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /*
     * Both name an edition without a foreign key: editions already refer to
     * assessments, and a key back would make the two tables a cycle that
     * backups (db/backup.ts) cannot order. Editions are never deleted, and only
     * startAssessment sets these, from an edition it has just read.
     */
    /** The edition this round's text was copied from when it started; null for a first profile. */
    basedOnEditionId: uuid('based_on_edition_id'),
    /**
     * Decided when the round starts: set, the round publishes as a correction of
     * this edition (same label, next version); null, as a new edition dated by
     * the month it is published in (lib/domain/publication-plan.ts).
     */
    correctsEditionId: uuid('corrects_edition_id'),
    /**
     * Set for a translation: the profile it translates (same jurisdiction,
     * another language). Its parts record which revision of the source part
     * they were made from (assessment_parts.source_revision).
     */
    sourceId: uuid('source_id').references((): AnyPgColumn => assessments.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('assessments_one_open_per_language')
      .on(t.jurisdictionId, t.language)
      .where(sql`${t.state} <> 'published'`),
    index('assessments_jurisdiction_idx').on(t.jurisdictionId),
    index('assessments_source_idx').on(t.sourceId),
    // Queues across all jurisdictions (e.g. every approved profile for admins).
    index('assessments_state_idx').on(t.state, t.updatedAt),
  ],
);

/**
 * The current text of one part (introduction body, or a domain's strengths or
 * potential). `revision` counts saves; a save must name the revision it was
 * based on, which makes concurrent saves fail loudly instead of overwriting.
 */
/** Binary column; both drivers hand back a Uint8Array (a Buffer on PostgreSQL). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

export const assessmentParts = pgTable(
  'assessment_parts',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    part: text('part').notNull(),
    doc: jsonb('doc').notNull(),
    revision: integer('revision').notNull().default(0),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /**
     * The live-editing (Yjs) state whose text is `doc`: kept so that every
     * editor, and text left offline in a browser, merges into one history.
     * Null until the part is first opened for live editing.
     */
    yjsState: bytea('yjs_state'),
    /**
     * In a translation: the revision of the source part (its last saved text,
     * part_revisions.revision, 0 for the text it started with) this part was
     * made from or last marked up to date with. Null outside translations.
     */
    sourceRevision: integer('source_revision'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.section, t.part] }),
    check(
      'assessment_parts_slot',
      sql`(${t.section} = 'introduction' AND ${t.part} = 'body') OR (${t.section} IN ('migrants_rights','whole_of_government','partnerships','well_being','mobility_crises','safe_orderly_regular') AND ${t.part} IN ('strengths','potential'))`,
    ),
  ],
);

/** Every saved revision of a part, kept forever; restoring adds a new one. */
export const partRevisions = pgTable(
  'part_revisions',
  {
    assessmentId: uuid('assessment_id').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    revision: integer('revision').notNull(),
    doc: jsonb('doc').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    restoredFrom: integer('restored_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Whether it changed the words of the text it replaced (suggestions and
     * comment marks aside), recorded as it is written, when that text is at
     * hand: a part's starting copy and a comment's mark are no revision of
     * their own, so the revision before it cannot tell later (lib/data/workflow.ts,
     * editedThisRound). Null for revisions written before it was recorded.
     */
    rewords: boolean('rewords'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.section, t.part, t.revision] }),
    foreignKey({
      columns: [t.assessmentId, t.section, t.part],
      foreignColumns: [assessmentParts.assessmentId, assessmentParts.section, assessmentParts.part],
    }).onDelete('cascade'),
    check('part_revisions_positive', sql`${t.revision} > 0`),
  ],
);

/** Everyone whose live edits went into a revision (its author_id is the last of them). */
export const partRevisionContributors = pgTable(
  'part_revision_contributors',
  {
    assessmentId: uuid('assessment_id').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    revision: integer('revision').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    // Named: the generated names are longer than PostgreSQL's 63 characters and, cut short, collide.
    primaryKey({ name: 'part_revision_contributors_pk', columns: [t.assessmentId, t.section, t.part, t.revision, t.userId] }),
    foreignKey({
      name: 'part_revision_contributors_revision_fk',
      columns: [t.assessmentId, t.section, t.part, t.revision],
      foreignColumns: [partRevisions.assessmentId, partRevisions.section, partRevisions.part, partRevisions.revision],
    }).onDelete('cascade'),
  ],
);

/** Who has a part open right now: a heartbeat row, so every app instance sees it. */
export const partPresence = pgTable(
  'part_presence',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    part: text('part').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.section, t.part, t.userId] })],
);

/**
 * Every change of a profile's title, by whom: a title edit is an edit of the
 * round, so its author may not approve that round (lib/data/workflow.ts).
 */
export const titleEdits = pgTable(
  'title_edits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('title_edits_assessment_idx').on(t.assessmentId, t.authorId, t.createdAt)],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentPart = typeof assessmentParts.$inferSelect;
