/**
 * Residents' consultation bookings over the year and the next two weeks: the lawyer's Thursday
 * afternoons fill best, the veteran's mornings next; a few are cancelled before the day. Each is a
 * real slot of its studio's schedule on a working day, within its capacity, one per person per
 * slot, made a few days ahead. The demo `resident` has the lawyer's next free slot, so their page
 * shows an upcoming consultation. Pure.
 */
import { randomUUID } from 'node:crypto';
import { isWorkingDay } from '../modules/calendar/working-days.ts';
import { addDays } from '../modules/mediation/performance.ts';
import { type Clock, DAY_MS, HOUR_MS, localDay, localInstant } from './case-time.ts';
import type { MediationPeople, StudioRow } from './mediation-people.ts';
import type { BookingRow } from './mediation-rows.ts';
import type { Random } from './random.ts';
import type { HistoryUser } from './street-index.ts';

const AHEAD_DAYS = 14;
const CANCELLED_SHARE = 0.08;
/** Bookings ahead thin out: many residents book only in the last days. */
const AHEAD_SHARE = 0.6;

const TOPICS = {
  lawyer: [
    '房屋租赁合同到期押金不退怎么办',
    '父母遗产继承需要办哪些手续',
    '离婚时房产和存款如何分割',
    '交通事故赔偿标准咨询',
    '借钱不还能否起诉',
    '网购被骗如何维权',
  ],
  veteran: ['楼上漏水协商不成', '邻居装修噪音影响老人休息', '子女不尽赡养义务', '和邻居因车位闹矛盾', '楼道堆物影响通行'],
  labour: ['工地老板拖欠工资', '公司不签劳动合同', '工伤后单位不给报销', '辞职后公司扣押最后一个月工资'],
  committee: [
    '物业费和服务质量纠纷',
    '家庭矛盾请调解员帮忙',
    '和租客因房屋损坏有争议',
    '小区停车费上涨有意见',
    '邻里纠纷想请社区出面',
  ],
};

export interface BookingInput {
  people: MediationPeople;
  users: readonly HistoryUser[];
  clock: Clock;
  now: Date;
  random: Random;
}

export function planBookings(input: BookingInput): BookingRow[] {
  const { people, clock, now, random } = input;
  const bookers = input.users.filter((u) => u.residentId && (u.role === 'resident' || u.role === 'patrol_volunteer'));
  const resident = input.users.find((u) => u.username === 'resident');
  const today = localDay(now, clock.timeZone);
  const rows: BookingRow[] = [];
  let heldForResident = false;
  const { street } = people;
  // What residents come to each studio for, and the share of its slots they book.
  const kinds = new Map<string, [keyof typeof TOPICS, number]>([
    [street.lawyerStudio.id, ['lawyer', 0.5]],
    [street.labourRoom.id, ['labour', 0.04]],
    [street.room.id, ['committee', 0.15]],
  ]);
  for (const desk of people.communities.values()) {
    kinds.set(desk.room.id, ['committee', 0.1]);
    if (desk.veteran) kinds.set(desk.veteran.studio.id, ['veteran', 0.3]);
  }
  // Day by day, and a slot's instant reckoned only once someone books it: most slots stay free.
  const last = addDays(today, AHEAD_DAYS);
  for (let day = localDay(new Date(now.getTime() - 365 * DAY_MS), clock.timeZone); day <= last; day = addDays(day, 1)) {
    if (!isWorkingDay(day, clock.table)) continue;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
    for (const studio of people.studios) {
      const [kind, share] = kinds.get(studio.id) ?? ['committee', 0.1];
      for (const hours of studio.schedule.filter((h) => h.weekday === weekday)) {
        const first = minutesOf(hours.start);
        for (let m = first; m + hours.slotMinutes <= minutesOf(hours.end); m += hours.slotMinutes) {
          const slot = () => ({
            start: localInstant(day, m / 60, clock.timeZone),
            end: localInstant(day, (m + hours.slotMinutes) / 60, clock.timeZone),
          });
          const ahead = day > today || (day === today && slot().start > now);
          // The resident's first consultation ahead: the lawyer's next slot from tomorrow, held for them.
          if (ahead && resident && studio === street.lawyerStudio && !heldForResident && day > today) {
            heldForResident = true;
            rows.push(booking(random, studio, slot(), resident.id, '房屋租赁合同到期，房东不退押金怎么办', now, false));
            continue;
          }
          const taken = new Set<string>();
          for (let place = 0; place < hours.capacity; place++) {
            if (!random.chance(ahead ? share * AHEAD_SHARE : share)) continue;
            const user = random.pick(bookers);
            if (!user || taken.has(user.id) || user.id === resident?.id) continue;
            taken.add(user.id);
            rows.push(booking(random, studio, slot(), user.id, random.pick(TOPICS[kind]), now, random.chance(CANCELLED_SHARE)));
          }
        }
      }
    }
  }
  return rows;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function booking(
  random: Random,
  studio: StudioRow,
  slot: { start: Date; end: Date },
  userId: string,
  topic: string,
  now: Date,
  cancelled: boolean,
): BookingRow {
  const madeAt = Math.min(now.getTime() - HOUR_MS, slot.start.getTime() - random.between(0.5, 10) * DAY_MS);
  const created = new Date(Math.max(madeAt, studio.created_at.getTime()));
  const cancelledAt = new Date(
    created.getTime() + random.next() * (Math.min(slot.start.getTime(), now.getTime()) - created.getTime()),
  );
  return {
    id: randomUUID(),
    street_id: studio.street_id,
    studio_id: studio.id,
    slot_start: slot.start,
    slot_end: slot.end,
    user_id: userId,
    topic,
    status: cancelled ? 'cancelled' : 'booked',
    created_at: created,
    cancelled_at: cancelled ? cancelledAt : null,
  };
}
