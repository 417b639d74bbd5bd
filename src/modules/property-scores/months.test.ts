import { describe, expect, it } from 'vitest';
import { addMonths, monthsEnding } from './months.ts';

describe('months', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
  });
  it('lists the twelve months ending with one, oldest first', () => {
    const months = monthsEnding('2026-11', 12);
    expect(months[0]).toBe('2025-12');
    expect(months.at(-1)).toBe('2026-11');
    expect(months).toHaveLength(12);
  });
});
