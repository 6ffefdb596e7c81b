import { describe, expect, it } from 'vitest';
import { nextMonth, planPublication } from './publication-plan';

describe('planPublication', () => {
  const now = { year: 2026, month: 12 };

  it('publishes a new edition labelled with the current month when that month is free', () => {
    expect(planPublication({ corrects: null, now, currentMonthTaken: false })).toEqual({ kind: 'edition', year: 2026, month: 12 });
  });

  it('says from which month a new edition can go out when this month already has one', () => {
    expect(planPublication({ corrects: null, now, currentMonthTaken: true })).toEqual({ kind: 'wait', year: 2026, month: 12, from: { year: 2027, month: 1 } });
  });

  it('publishes a correction as the next version of the corrected month, whatever the current month', () => {
    const corrects = { year: 2024, month: 6, version: 1 };
    expect(planPublication({ corrects, now, currentMonthTaken: true })).toEqual({ kind: 'correction', year: 2024, month: 6, version: 2 });
    expect(planPublication({ corrects: { ...corrects, version: 3 }, now, currentMonthTaken: false })).toEqual({ kind: 'correction', year: 2024, month: 6, version: 4 });
  });
});

describe('planPublication of a translation whose source is published', () => {
  const now = { year: 2026, month: 12 };

  it('joins the month of the source edition, whatever the current month', () => {
    expect(planPublication({ corrects: null, now, currentMonthTaken: true, joins: { year: 2024, month: 6, taken: false } })).toEqual({ kind: 'edition', year: 2024, month: 6 });
    expect(planPublication({ corrects: null, now, currentMonthTaken: false, joins: { year: 2026, month: 12, taken: false } })).toEqual({ kind: 'edition', year: 2026, month: 12 });
  });

  it('is an edition of its own, by the usual rule, when that month has this language already', () => {
    expect(planPublication({ corrects: null, now, currentMonthTaken: false, joins: { year: 2024, month: 6, taken: true } })).toEqual({ kind: 'edition', year: 2026, month: 12 });
    expect(planPublication({ corrects: null, now, currentMonthTaken: true, joins: { year: 2024, month: 6, taken: true } })).toMatchObject({ kind: 'wait' });
  });

  it('a correction of a translation corrects its own month', () => {
    expect(planPublication({ corrects: { year: 2025, month: 1, version: 1 }, now, currentMonthTaken: false, joins: { year: 2024, month: 6, taken: false } })).toEqual({
      kind: 'correction',
      year: 2025,
      month: 1,
      version: 2,
    });
  });
});

describe('nextMonth', () => {
  it('rolls over the year', () => {
    expect(nextMonth({ year: 2026, month: 12 })).toEqual({ year: 2027, month: 1 });
    expect(nextMonth({ year: 2026, month: 5 })).toEqual({ year: 2026, month: 6 });
  });
});
