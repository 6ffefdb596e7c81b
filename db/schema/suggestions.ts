import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessmentParts } from './assessments';
import { users } from './users';

/**
 * Every accepted or rejected suggestion (lib/data/suggestions.ts): who
 * suggested what, who decided, and the revision the decision made, so that a
 * part's history says who suggested and who accepted, and rejected ones stay
 * listed after they leave the text. The author's name is kept as it was shown.
 */
export const suggestionDecisions = pgTable(
  'suggestion_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    /** As the suggestion named them: not a reference (a document may name someone since removed). */
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    deciderId: uuid('decider_id').references(() => users.id, { onDelete: 'set null' }),
    decision: text('decision', { enum: ['accepted', 'rejected'] }).notNull(),
    kind: text('kind', { enum: ['insert', 'delete', 'replace'] }).notNull(),
    inserted: text('inserted').notNull(),
    deleted: text('deleted').notNull(),
    /** The revision the decision made (null: stored with the next live save). */
    revision: integer('revision'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'suggestion_decisions_part_fk',
      columns: [t.assessmentId, t.section, t.part],
      foreignColumns: [assessmentParts.assessmentId, assessmentParts.section, assessmentParts.part],
    }).onDelete('cascade'),
    index('suggestion_decisions_part_idx').on(t.assessmentId, t.section, t.part, t.decidedAt),
    check('suggestion_decisions_decision', sql`${t.decision} IN ('accepted', 'rejected')`),
  ],
);

/**
 * Every suggestion id a part's text has ever held (lib/data/suggestion-notifications.ts):
 * a suggestion is news to the consultants only the first time it enters the text, and
 * a restore or an undo that brings it back must not tell it again. Written in the
 * transaction that stores the text, so it always covers every stored revision; it
 * replaces a scan of all the part's revisions on each save that brings a suggestion.
 */
export const partSuggestionIds = pgTable(
  'part_suggestion_ids',
  {
    assessmentId: uuid('assessment_id').notNull(),
    section: text('section').notNull(),
    part: text('part').notNull(),
    /** As the mark carries it: text, not uuid (a hand-written document may carry any string). */
    suggestionId: text('suggestion_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.section, t.part, t.suggestionId] }),
    foreignKey({
      name: 'part_suggestion_ids_part_fk',
      columns: [t.assessmentId, t.section, t.part],
      foreignColumns: [assessmentParts.assessmentId, assessmentParts.section, assessmentParts.part],
    }).onDelete('cascade'),
  ],
);
