import { describe, expect, it } from 'vitest';
import { addDays, checkedInstalment, reminderFor, toFen, toYuan } from './performance.ts';

describe('instalment checks', () => {
  it('a paid instalment is paid in full, an unpaid one not at all', () => {
    expect(checkedInstalment(500_000, 'paid', undefined)).toEqual({ ok: true, paidFen: 500_000 });
    expect(checkedInstalment(500_000, 'not_paid', 100)).toEqual({ ok: true, paidFen: 0 });
  });
  it('a part payment says how much, more than nothing and less than all', () => {
    expect(checkedInstalment(500_000, 'partly', 200_000)).toEqual({ ok: true, paidFen: 200_000 });
    expect(checkedInstalment(500_000, 'partly', undefined)).toMatchObject({ ok: false, field: 'paidAmount' });
    expect(checkedInstalment(500_000, 'partly', 500_000)).toMatchObject({ ok: false });
  });
});

describe('reminders', () => {
  it('reminds three days ahead and after the due date, not before', () => {
    expect(reminderFor('2026-03-10', '2026-03-06')).toBeNull();
    expect(reminderFor('2026-03-10', '2026-03-07')).toBe('due_soon');
    expect(reminderFor('2026-03-10', '2026-03-10')).toBe('due_soon');
    expect(reminderFor('2026-03-10', '2026-03-11')).toBe('overdue');
  });
  it('counts days across a month end', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
  it('keeps money in whole fen', () => {
    expect(toFen(12_000.1)).toBe(1_200_010);
    expect(toYuan(1_200_010)).toBe(12_000.1);
  });
});
