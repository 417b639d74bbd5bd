import { describe, expect, it } from 'vitest';
import { scheduleProblem, slotAt, slotsBetween } from './studio-schedule.ts';

const thursdayAfternoon = [{ weekday: 4, start: '14:00', end: '17:00', slotMinutes: 60, capacity: 2, mediatorId: null }];

describe('studio opening schedule', () => {
  it('offers every Thursday afternoon in hour slots, in Shanghai time', () => {
    // 2026-03-05 and 2026-03-12 are Thursdays.
    const slots = slotsBetween(thursdayAfternoon, '2026-03-02', '2026-03-12', 'Asia/Shanghai');
    expect(slots).toHaveLength(6);
    expect(slots[0]?.start.toISOString()).toBe('2026-03-05T06:00:00.000Z');
    expect(slots[2]?.end.toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect(slots[3]?.start.toISOString()).toBe('2026-03-12T06:00:00.000Z');
  });
  it('offers nothing on other days', () => {
    expect(slotsBetween(thursdayAfternoon, '2026-03-06', '2026-03-11', 'Asia/Shanghai')).toEqual([]);
  });
  it('knows a real slot from a made-up time', () => {
    expect(slotAt(thursdayAfternoon, new Date('2026-03-05T07:00:00Z'), 'Asia/Shanghai')?.capacity).toBe(2);
    expect(slotAt(thursdayAfternoon, new Date('2026-03-05T07:30:00Z'), 'Asia/Shanghai')).toBeUndefined();
  });
  it('refuses hours that end before they start', () => {
    expect(scheduleProblem([{ ...thursdayAfternoon[0], end: '13:00' } as never])?.field).toBe('schedule.0.end');
    expect(scheduleProblem(thursdayAfternoon)).toBeNull();
  });
});
