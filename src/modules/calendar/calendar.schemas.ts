import { z } from 'zod';
import { isCalendarDate } from './working-days.ts';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const year = z.coerce
  .number()
  .int('A year is a whole number.')
  .min(FIRST_YEAR, `Years run from ${FIRST_YEAR} to ${LAST_YEAR}.`)
  .max(LAST_YEAR, `Years run from ${FIRST_YEAR} to ${LAST_YEAR}.`);
const calendarDate = z
  .string()
  .refine(isCalendarDate, 'A date is a real day written YYYY-MM-DD.')
  .refine((date) => Number(date.slice(0, 4)) >= FIRST_YEAR && Number(date.slice(0, 4)) <= LAST_YEAR, {
    message: `Dates run from ${FIRST_YEAR} to ${LAST_YEAR}.`,
    abort: true,
  })
  .describe('A local date, YYYY-MM-DD');
const streetId = z.uuid().optional().describe("A street's id for its own calendar; omitted: the national schedule");
const dayKind = z.enum(['holiday', 'workday']).describe('holiday: a statutory day off; workday: a make-up workday (调休上班)');

export const yearParams = z.object({ year });
export const dateParams = z.object({ date: calendarDate });
export const streetQuery = z.object({ streetId });

export const setDayBody = z.object({
  kind: dayKind,
  name: z.string().trim().min(1, 'Enter a name.').max(100).describe('e.g. 国庆节'),
  streetId,
});

/** The body may be left out altogether to publish the national schedule. */
export const publishYearBody = z.object({ streetId }).nullish();

export const calendarDaySchema = z
  .object({
    date: z.string(),
    kind: dayKind,
    name: z.string(),
    source: z.enum(['package', 'admin']),
    scope: z.enum(['national', 'street']).describe("street: the street's own entry, replacing the national one"),
  })
  .meta({ id: 'CalendarDay' });

export const yearScheduleSchema = z.object({
  year: z.number(),
  published: z.boolean().describe('The year is entered in full; deadlines reaching into an unpublished year are provisional'),
  days: z.array(calendarDaySchema),
});

export const publishedYearSchema = z.object({ year: z.number(), streetId: z.uuid().nullable(), publishedAt: z.date() });

export const calendarStatusSchema = z.object({
  today: z.string().describe("Today's date in the street's zone"),
  knownYears: z.array(z.number()).describe('Years whose national schedule is published'),
  reminder: z.object({ year: z.number(), message: z.string() }).nullable(),
});
