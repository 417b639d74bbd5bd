import { describe, expect, it } from 'vitest';
import { monthsEnding } from '../modules/property-scores/months.ts';
import { reviewScore } from '../modules/property-scores/scoring.ts';
import { lastThursday, planPropertyReviews, REVIEW_MONTHS } from './property-review-history.ts';

const estates = ['PM_FENGLIN', 'PM_ANJU', 'PM_JINDUN', 'PM_HEJIA', 'PM_KANGQIAO'].flatMap((code, c) =>
  [0, 1, 2].map((e) => ({ id: `e${c}${e}`, companyId: code, companyCode: code, communityId: 'c' })),
);

describe('demo discussion-day reviews', () => {
  it('falls on the last Thursday of the month', () => {
    expect(lastThursday('2026-11')).toBe('2026-11-26');
    expect(lastThursday('2026-12')).toBe('2026-12-31');
    expect(lastThursday('2026-02')).toBe('2026-02-26');
  });

  it('reviews every estate for each of the twelve months before this one, by three to five parties', () => {
    const reviews = planPropertyReviews(estates, '2026-12');
    expect(reviews).toHaveLength(estates.length * REVIEW_MONTHS);
    expect(new Set(reviews.map((r) => r.month))).toEqual(new Set(monthsEnding('2026-11', 12).map((m) => `${m}-01`)));
    expect(reviews.every((r) => r.scores.length >= 3 && r.scores.length <= 5)).toBe(true);
    expect(reviews.every((r) => r.held_on.startsWith(r.month.slice(0, 7)))).toBe(true);
  });

  it('gives the companies their character: the steady one well above the uneven one', () => {
    const reviews = planPropertyReviews(estates, '2026-12');
    const meanOf = (code: string) => {
      const own = reviews.filter((r) => r.company_id === code).map((r) => reviewScore(r.scores) as number);
      return own.reduce((a, b) => a + b, 0) / own.length;
    };
    expect(meanOf('PM_FENGLIN') - meanOf('PM_KANGQIAO')).toBeGreaterThan(20);
  });
});
