import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { jurisdictions, memberships, users } from '../../db/schema';
import { membershipInForce } from './membership-in-force';
import type { AssessmentState } from '../domain/workflow';
import { seesProfile, type Actor } from '../policy';

/** Someone who may be told of something on a jurisdiction's profile, seen as the policy sees them. */
export interface Person {
  id: string;
  name: string;
  email: string;
  locale: string | null;
  /** The person as an Actor with their roles on this jurisdiction, for lib/policy's rules. */
  asActor: Actor;
}

/**
 * The active people who may read the profile in its current state: the query
 * takes the admins and the people with a role in force on its jurisdiction, and
 * lib/policy (`seesProfile`: a reviewer only while it is in review) decides,
 * so a change to who may read a profile changes who may be notified or
 * mentioned with it.
 */
export async function profileReaders(tx: Queryable, profile: { jurisdictionId: string; state: AssessmentState }): Promise<Person[]> {
  const { jurisdictionId } = profile;
  const rows = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      isAdmin: users.isAdmin,
      role: memberships.role,
      slug: jurisdictions.slug,
      jurisdictionName: jurisdictions.name,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.jurisdictionId, jurisdictionId), membershipInForce))
    .leftJoin(jurisdictions, eq(jurisdictions.id, memberships.jurisdictionId))
    .where(and(eq(users.active, true), or(eq(users.isAdmin, true), sql`${memberships.userId} IS NOT NULL`)))
    .orderBy(asc(users.name), asc(users.id));
  const people = new Map<string, Person>();
  for (const r of rows) {
    const person = people.get(r.id) ?? {
      id: r.id,
      name: r.name,
      email: r.email,
      locale: r.locale,
      asActor: { userId: r.id, email: r.email, name: r.name, isAdmin: r.isAdmin, locale: r.locale, memberships: [], via: 'session' as const },
    };
    if (r.role && r.slug && r.jurisdictionName) {
      person.asActor = {
        ...person.asActor,
        memberships: [...person.asActor.memberships, { jurisdictionId, role: r.role, slug: r.slug, name: r.jurisdictionName }],
      };
    }
    people.set(r.id, person);
  }
  return [...people.values()].filter((p) => seesProfile(p.asActor, profile));
}
