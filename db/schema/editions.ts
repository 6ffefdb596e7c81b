import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { assessments } from './assessments';
import { contentLanguage } from './content-language';
import { jurisdictions } from './jurisdictions';

/**
 * A published edition: the whole profile frozen at publication, with its
 * sign-off trail. Insert-only: a trigger (migration 0008) refuses UPDATE,
 * DELETE and TRUNCATE, and no code path changes a row. The jurisdiction's
 * name, level and country are copied in, so renaming the jurisdiction later
 * does not rewrite what was published; only the slug used in URLs is looked up.
 *
 * A correction is a new row with the same year and month, the next `version`
 * and `corrects_edition_id` naming the version it replaces: the original stays
 * as it was, at its own URL (`…/2024-06-v1`), and the month's URL shows the
 * newest version (README, Publishing).
 */
export const editions = pgTable(
  'editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    /** The profile it was published from; null for imported editions. */
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'restrict' }),
    language: contentLanguage('language').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    title: text('title').notNull(),
    /** FrozenProfile (lib/domain/edition.ts): introduction and the six domains' two parts. */
    content: jsonb('content').notNull(),
    /** { name, level, country } at publication. */
    jurisdiction: jsonb('jurisdiction').notNull(),
    /** SignOff (lib/domain/edition.ts): who submitted, approved and published, when, resolved comments. */
    signOff: jsonb('sign_off').notNull(),
    /** Where an imported edition came from; for a correction, what was corrected (the publisher's note). */
    note: text('note'),
    /** 1 for an edition as first published, 2 for its first correction, and so on. */
    version: integer('version').notNull().default(1),
    /** The version this correction replaces; null for version 1. */
    correctsEditionId: uuid('corrects_edition_id').references((): AnyPgColumn => editions.id, { onDelete: 'restrict' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('editions_one_per_month').on(t.jurisdictionId, t.language, t.year, t.month, t.version),
    // A version is corrected at most once: corrections form one line per month.
    uniqueIndex('editions_one_correction_each').on(t.correctsEditionId),
    uniqueIndex('editions_one_per_assessment').on(t.assessmentId),
    index('editions_newest_idx').on(t.publishedAt),
    check('editions_month', sql`${t.month} BETWEEN 1 AND 12`),
    check('editions_year', sql`${t.year} BETWEEN 1900 AND 9999`),
    check('editions_version', sql`(${t.version} = 1) = (${t.correctsEditionId} IS NULL) AND ${t.version} >= 1`),
  ],
);

export type Edition = typeof editions.$inferSelect;
