import { describe, expect, it } from 'vitest';
import { yearReminder } from './year-reminder.ts';

const known = new Set([2025, 2026]);

describe("the reminder to enter next year's schedule", () => {
  it('is silent before November', () => {
    expect(yearReminder('2026-10-31', known)).toBeNull();
  });

  it('asks for next year from 1 November', () => {
    expect(yearReminder('2026-11-01', known)).toEqual({
      year: 2027,
      message: "The State Council publishes each year's holiday schedule around November: enter 2027's schedule.",
    });
    expect(yearReminder('2026-12-31', known)?.year).toBe(2027);
  });

  it('goes away once next year is published', () => {
    expect(yearReminder('2026-11-20', new Set([...known, 2027]))).toBeNull();
  });

  it('keeps asking into the new year while its schedule is still missing', () => {
    expect(yearReminder('2027-01-05', known)?.year).toBe(2027);
    expect(yearReminder('2027-06-01', known)?.year).toBe(2027);
  });
});
