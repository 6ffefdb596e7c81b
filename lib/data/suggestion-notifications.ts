import 'server-only';
import { and, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { assessments, notifications, notificationSuggestions, partSuggestionIds } from '../../db/schema';
import { suggestionChanges } from '../domain/notification-digest';
import { scheduleDigests } from '../mail/send-digests';
import type { PartRef } from './parts';
import { profileReaders } from './profile-people';

const unreadDigestsOf = (ref: PartRef) =>
  and(
    eq(notifications.kind, 'suggested'),
    isNull(notifications.readAt),
    eq(notifications.assessmentId, ref.assessmentId),
    eq(notifications.section, ref.section),
  );

/**
 * Tells the profile's consultants of suggestions a stored text brought, in
 * the store's transaction, by comparing its suggestion ids with the text it
 * replaces. A suggestion some earlier revision of the part held is not news
 * (part_suggestion_ids), even if decided or withdrawn since: it was
 * told when it first came, and a restore (or an undo) bringing it back must
 * not tell it again. Each consultant has ONE unread 'suggested' entry per
 * profile and section, which new suggestions join (by id, so a suggestion
 * typed across many stores counts once) and which moves to the top of the
 * inbox; nobody hears of their own suggestions. Suggestions gone from the text
 * (withdrawn, or decided) leave the unread entries again, and an entry left
 * with none goes. The consultants' digest emails are scheduled
 * (lib/mail/send-digests.ts).
 */
export async function notifySuggestions(tx: Tx, ref: PartRef, before: unknown, after: unknown): Promise<void> {
  const { added: brought, gone } = suggestionChanges(before, after);
  if (gone.length > 0) await forgetSuggestions(tx, ref, gone);
  if (brought.length === 0) return;
  const news = await firstHeld(tx, ref, brought.map((s) => s.id));
  const added = brought.filter((s) => news.has(s.id));
  if (added.length === 0) return;
  const [profile] = await tx
    .select({ title: assessments.title, state: assessments.state, jurisdictionId: assessments.jurisdictionId })
    .from(assessments)
    .where(eq(assessments.id, ref.assessmentId));
  if (!profile) return;
  const readers = await profileReaders(tx, profile);
  const known = new Set(readers.map((p) => p.id));
  const byTime = [...added].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  const told = readers
    .filter((p) => p.asActor.memberships.some((m) => m.role === 'consultant'))
    .map((person) => ({ person, theirs: byTime.filter((s) => s.authorId !== person.id) }))
    .filter((r) => r.theirs.length > 0)
    .sort((a, b) => a.person.id.localeCompare(b.person.id));
  if (told.length === 0) return;
  await scheduleDigests(tx, told.map((r) => r.person.id));
  for (const { person, theirs } of told) {
    // The entry names the latest suggester; one not among the profile's people (a forged name) is named from the list.
    const latest = theirs.at(-1)!.authorId;
    const [entry] = await tx
      .insert(notifications)
      .values({
        userId: person.id,
        kind: 'suggested',
        assessmentId: ref.assessmentId,
        section: ref.section,
        actorId: latest && known.has(latest) ? latest : null,
        title: profile.title,
      })
      .onConflictDoUpdate({
        target: [notifications.userId, notifications.assessmentId, notifications.section],
        targetWhere: sql`kind = 'suggested' AND read_at IS NULL`,
        set: { actorId: sql`coalesce(excluded.actor_id, ${notifications.actorId})`, title: sql`excluded.title`, createdAt: sql`now()` },
      })
      .returning({ id: notifications.id });
    await tx
      .insert(notificationSuggestions)
      .values(theirs.map((s) => ({ notificationId: entry.id, suggestionId: s.id, authorName: s.authorName ?? '—' })))
      .onConflictDoNothing();
  }
}

/**
 * Records these suggestion ids as held by the part and returns those it had
 * never held before. Called under the part's lock, in the transaction that
 * stores the text, so two saves cannot both take one id for new.
 */
async function firstHeld(tx: Tx, ref: PartRef, ids: string[]): Promise<Set<string>> {
  const rows = await tx
    .insert(partSuggestionIds)
    .values([...new Set(ids)].map((suggestionId) => ({ ...ref, suggestionId })))
    .onConflictDoNothing()
    .returning({ id: partSuggestionIds.suggestionId });
  return new Set(rows.map((r) => r.id));
}

/** Suggestions no longer in the text leave the unread entries of its section; an entry left empty goes. */
async function forgetSuggestions(tx: Tx, ref: PartRef, ids: string[]): Promise<void> {
  const unread = tx.select({ id: notifications.id }).from(notifications).where(unreadDigestsOf(ref));
  await tx.delete(notificationSuggestions).where(and(inArray(notificationSuggestions.suggestionId, ids), inArray(notificationSuggestions.notificationId, unread)));
  await tx
    .delete(notifications)
    .where(
      and(
        unreadDigestsOf(ref),
        notExists(tx.select({ one: sql`1` }).from(notificationSuggestions).where(eq(notificationSuggestions.notificationId, notifications.id))),
      ),
    );
}
