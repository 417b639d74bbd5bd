import { z } from 'zod';

export const statsQuery = z.object({
  nodeId: z.uuid().optional().describe('A street, community or grid; omitted: everything the caller may read'),
});

/** Every figure says how it is counted, so a screen can show the definition beside the number. */
const definitions = z.record(z.string(), z.string()).describe('For each figure, how it is counted');

export const gridStatsSchema = z
  .object({
    grid: z.object({ id: z.uuid(), code: z.string(), name: z.string(), communityId: z.uuid().nullable() }),
    open: z.number(),
    overdue: z.number(),
    warning: z.number(),
    received30d: z.number(),
    resolved30d: z.number(),
  })
  .meta({ id: 'GridStats' });

export const gridStatsResponse = z.object({
  asOf: z.date(),
  items: z.array(gridStatsSchema),
  definitions,
});

const rate = z.object({
  value: z.number().nullable().describe('numerator / denominator, 0-1; null when the denominator is 0'),
  numerator: z.number(),
  denominator: z.number(),
});

export const overviewSchema = z
  .object({
    asOf: z.date(),
    today: z.string().describe("Today's date in the street's zone"),
    todayIntake: z.number(),
    open: z.number(),
    overdue: z.number(),
    onTimeRate: rate,
    satisfaction: rate,
    trend: z.array(z.object({ date: z.string(), received: z.number(), resolved: z.number() })).length(30),
    definitions,
  })
  .meta({ id: 'StatsOverview' });
