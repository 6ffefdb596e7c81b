/*
 * What a round will publish as, decided when the round starts and shown from
 * then on (profile page, start form, publish preview), so that nobody learns
 * it only when pressing Publish.
 *
 * - A correction round (started as "a correction of 2024 Juin") publishes the
 *   next version of that month's edition: same label, the original kept at its
 *   own URL. It may be published in any month.
 * - Any other round publishes a new edition labelled with the month it is
 *   published in. Editions are dated by month, so when the current month
 *   already has one in this language, publishing waits until next month.
 */

export interface YearMonth {
  year: number;
  month: number;
}

export type PublicationPlan =
  | { kind: 'correction'; year: number; month: number; version: number }
  | { kind: 'edition'; year: number; month: number }
  | { kind: 'wait'; year: number; month: number; from: YearMonth };

export interface PlanInput {
  /** The corrected month's newest version, when the round is a correction. */
  corrects: (YearMonth & { version: number }) | null;
  /** Today, in UTC (editions are dated by the database clock in UTC). */
  now: YearMonth;
  /** Whether an edition in this language already exists for `now`'s month. */
  currentMonthTaken: boolean;
  /**
   * For a translation whose source is published: the month of the source's
   * edition, and whether that month already has an edition in this language.
   */
  joins?: (YearMonth & { taken: boolean }) | null;
}

export function nextMonth({ year, month }: YearMonth): YearMonth {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

export function planPublication({ corrects, now, currentMonthTaken, joins }: PlanInput): PublicationPlan {
  if (corrects) return { kind: 'correction', year: corrects.year, month: corrects.month, version: corrects.version + 1 };
  // A translation approved after its source went out joins the source's edition: one edition, several
  // languages. If that month has this language already, it is an edition of its own, as any profile.
  if (joins && !joins.taken) return { kind: 'edition', year: joins.year, month: joins.month };
  if (currentMonthTaken) return { kind: 'wait', ...now, from: nextMonth(now) };
  return { kind: 'edition', ...now };
}
