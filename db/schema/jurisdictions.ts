import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { jurisdictionLevels, jurisdictionRoles } from '../../lib/domain/roles';
import { users } from './users';

export const jurisdictionLevel = pgEnum('jurisdiction_level', jurisdictionLevels);
export const jurisdictionRole = pgEnum('jurisdiction_role', jurisdictionRoles);

export const jurisdictions = pgTable(
  'jurisdictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    level: jurisdictionLevel('level').notNull(),
    country: text('country').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => jurisdictions.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jurisdictions_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('jurisdictions_not_own_parent', sql`${t.parentId} IS DISTINCT FROM ${t.id}`),
    index('jurisdictions_parent_idx').on(t.parentId),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jurisdictionId: uuid('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'cascade' }),
    role: jurisdictionRole('role').notNull(),
    /** For reviewers: the ministry or organisation they review for, as the inviter named it. */
    organisation: text('organisation'),
    /** For reviewers: the role lapses at this moment (the actor is loaded without it), no cron needed. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.jurisdictionId, t.role] }),
    index('memberships_jurisdiction_idx').on(t.jurisdictionId, t.role),
  ],
);

export type Jurisdiction = typeof jurisdictions.$inferSelect;
export type NewJurisdiction = typeof jurisdictions.$inferInsert;
export type Membership = typeof memberships.$inferSelect;
