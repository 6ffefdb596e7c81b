import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '../../db/client';
import { editions, jurisdictions, memberships, users } from '../../db/schema';
import type { JurisdictionInput } from '../domain/admin-schemas';
import { canSeeJurisdiction, type Actor } from '../policy';
import { ConflictError, InvalidInputError, isUniqueViolation, NotFoundError } from './errors';
import { assertCan } from './guards';
import { rowsOf } from './sql-rows';

const parent = alias(jurisdictions, 'parent');

const listColumns = {
  id: jurisdictions.id,
  slug: jurisdictions.slug,
  name: jurisdictions.name,
  level: jurisdictions.level,
  country: jurisdictions.country,
  parentId: jurisdictions.parentId,
  parentName: parent.name,
  parentLevel: parent.level,
};

/** Jurisdictions the actor holds a role on; every jurisdiction for an admin. */
export async function listJurisdictions(actor: Actor) {
  const db = await getDb();
  const visible = actor.isAdmin
    ? undefined
    : inArray(
        jurisdictions.id,
        actor.memberships.map((m) => m.jurisdictionId).concat('00000000-0000-0000-0000-000000000000'),
      );
  return db
    .select(listColumns)
    .from(jurisdictions)
    .leftJoin(parent, eq(parent.id, jurisdictions.parentId))
    .where(visible)
    .orderBy(asc(jurisdictions.country), asc(jurisdictions.name));
}

/** One jurisdiction by slug, with its people; NotFoundError when absent or not the actor's. */
export async function getJurisdictionBySlug(actor: Actor, slug: string) {
  const db = await getDb();
  const [row] = await db
    .select(listColumns)
    .from(jurisdictions)
    .leftJoin(parent, eq(parent.id, jurisdictions.parentId))
    .where(eq(jurisdictions.slug, slug.toLowerCase()));
  if (!row || !canSeeJurisdiction(actor, row.id)) throw new NotFoundError('jurisdiction');
  const people = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    // Reviewers are listed apart, to those who manage them (lib/data/reviewers.ts).
    .where(and(eq(memberships.jurisdictionId, row.id), eq(users.active, true), ne(memberships.role, 'reviewer')))
    .orderBy(asc(memberships.role), asc(users.name));
  return { ...row, people };
}

/** One jurisdiction for the admin form, with whether its slug is fixed by a published edition. */
export async function getJurisdictionById(actor: Actor, id: string) {
  assertCan(actor, 'manage_jurisdictions');
  const db = await getDb();
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id));
  if (!row) throw new NotFoundError('jurisdiction');
  const [published] = await db.select({ id: editions.id }).from(editions).where(eq(editions.jurisdictionId, id)).limit(1);
  return { ...row, slugLocked: Boolean(published) };
}

/**
 * Edition URLs (/profiles/{slug}/{yyyy-mm}) are cited in reports and must keep
 * naming the same edition: once a jurisdiction has one, its slug is fixed.
 * Jurisdictions with editions cannot be deleted either (editions restrict it),
 * so such a slug is never freed for another jurisdiction to take.
 */
function slugLocked(slug: string) {
  return new ConflictError('slug_locked', `The slug "${slug}" cannot change: published editions are cited at addresses made with it.`, {
    field: 'slug',
    slug,
  });
}

function slugTaken(slug: string) {
  return new ConflictError('slug_taken', `The slug "${slug}" is already used by another jurisdiction.`, {
    field: 'slug',
  });
}

export async function createJurisdiction(actor: Actor, input: JurisdictionInput) {
  assertCan(actor, 'manage_jurisdictions');
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (input.parentId) {
        const [p] = await tx.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.id, input.parentId));
        if (!p) throw new InvalidInputError('parent_missing', 'The parent jurisdiction does not exist.', { field: 'parentId' });
      }
      const [row] = await tx.insert(jurisdictions).values(input).returning();
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}

export async function updateJurisdiction(actor: Actor, id: string, input: JurisdictionInput) {
  assertCan(actor, 'manage_jurisdictions');
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      if (input.parentId) {
        // Refuse a parent that is this jurisdiction or one of its descendants.
        const cycle = await tx.execute(sql`
          WITH RECURSIVE up(id, parent_id) AS (
            SELECT id, parent_id FROM jurisdictions WHERE id = ${input.parentId}
            UNION ALL
            SELECT j.id, j.parent_id FROM jurisdictions j JOIN up ON j.id = up.parent_id
          )
          SELECT exists(SELECT 1 FROM up WHERE id = ${id}) AS hit, exists(SELECT 1 FROM up) AS found`);
        const [first] = rowsOf<{ hit: boolean; found: boolean }>(cycle);
        if (!first?.found) throw new InvalidInputError('parent_missing', 'The parent jurisdiction does not exist.', { field: 'parentId' });
        if (first.hit) throw new InvalidInputError('parent_cycle', 'A jurisdiction cannot be inside itself.', { field: 'parentId' });
      }
      // Locked first: a publication running now either finishes before (and is seen below)
      // or waits for this rename (its edition then lives under the new slug).
      const [current] = await tx.select({ slug: jurisdictions.slug }).from(jurisdictions).where(eq(jurisdictions.id, id)).for('update');
      if (!current) throw new NotFoundError('jurisdiction');
      if (current.slug !== input.slug) {
        const [published] = await tx.select({ id: editions.id }).from(editions).where(eq(editions.jurisdictionId, id)).limit(1);
        if (published) throw slugLocked(current.slug);
      }
      const [row] = await tx
        .update(jurisdictions)
        .set({ ...input, updatedAt: sql`now()` })
        .where(eq(jurisdictions.id, id))
        .returning();
      if (!row) throw new NotFoundError('jurisdiction');
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}
