/**
 * A dashboard's year of figures for one street and for the whole city: from the street rollups,
 * from the grid rollups (for reference), and by a direct aggregate over the cases table, in the
 * same run. Cases received must agree exactly: both count cases by the local day they came in.
 */
import type pg from 'pg';
import { endOfLocalDay, localDate } from '../../src/modules/calendar/working-days.ts';
import { percentile } from './report.ts';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export interface DashboardResult {
  from: string;
  to: string;
  streetName: string;
  streetCases: number;
  street: { streetRollups: Timing; gridRollups: Timing; direct: Timing };
  city: { streetRollups: Timing; gridRollups: Timing; direct: Timing };
  /** Cases received in the year, by the rollups and by the cases table: street, then city. */
  received: [rollups: number, direct: number][];
}

export const FIGURES = `sum(received)::int as received, sum(resolved)::int as resolved, sum(resolved_on_time)::int as on_time,
  sum(escalated)::int as escalated, sum(rated)::int as rated, sum(rating_sum)::int as rating_sum,
  sum(satisfied)::int as satisfied, sum(unrated_closed)::int as unrated_closed`;

/** The same figures from the cases themselves: what came in, was resolved, rated, closed unrated in the window. */
export const DIRECT = `count(*) filter (where created_at >= $1 and created_at < $2)::int as received,
  count(*) filter (where resolved_at >= $1 and resolved_at < $2)::int as resolved,
  count(*) filter (where resolved_at >= $1 and resolved_at < $2 and (due_at is null or resolved_at <= due_at))::int as on_time,
  coalesce(sum(escalation_count) filter (where created_at >= $1 and created_at < $2), 0)::int as escalated,
  count(*) filter (where rated_at >= $1 and rated_at < $2)::int as rated,
  coalesce(sum(rating) filter (where rated_at >= $1 and rated_at < $2), 0)::int as rating_sum,
  count(*) filter (where rated_at >= $1 and rated_at < $2 and rating >= 4)::int as satisfied,
  count(*) filter (where closed_at >= $1 and closed_at < $2 and close_reason <> 'rated')::int as unrated_closed`;

async function timed(client: pg.ClientBase, runs: number, text: string, values: unknown[]) {
  const samples: number[] = [];
  let last: { received: number } | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { rows } = await client.query<{ received: number }>(text, values);
    samples.push(performance.now() - started);
    last = rows[0];
  }
  return { timing: { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), runs }, received: last?.received ?? 0 };
}

export const previousDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function dashboardTimings(
  client: pg.ClientBase,
  options: { timeZone: string; now: Date; rollupRuns: number; directRuns: number },
): Promise<DashboardResult> {
  const to = localDate(options.now, options.timeZone);
  const from = localDate(new Date(options.now.getTime() - 365 * 86_400_000), options.timeZone);
  const [fromInstant, toInstant] = [from, to].map((date) => endOfLocalDay(previousDate(date), options.timeZone));
  const { rows } = await client.query<{ id: string; name: string; n: number }>(
    `select s.id, s.name, (select count(*)::int from cases c where c.street_id = s.id) as n
       from area_nodes s where s.level = 'street' and s.retired_at is null order by n desc, s.code limit 1`,
  );
  const street = rows[0];
  if (!street) throw new Error('No street: generate a city first.');
  const { rollupRuns, directRuns } = options;
  const run = (text: string, values: unknown[], runs: number) => timed(client, runs, text, values);
  const streetRollups = await run(
    `select ${FIGURES} from case_street_daily_rollups where street_id = $1 and day >= $2 and day < $3`,
    [street.id, from, to],
    rollupRuns,
  );
  const streetGrid = await run(
    `select ${FIGURES} from case_daily_rollups where street_id = $1 and day >= $2 and day < $3`,
    [street.id, from, to],
    rollupRuns,
  );
  const streetDirect = await run(
    `select ${DIRECT} from cases where street_id = $3`,
    [fromInstant, toInstant, street.id],
    directRuns,
  );
  const cityRollups = await run(
    `select ${FIGURES} from case_street_daily_rollups where day >= $1 and day < $2`,
    [from, to],
    rollupRuns,
  );
  const cityGrid = await run(
    `select ${FIGURES} from case_daily_rollups where day >= $1 and day < $2`,
    [from, to],
    Math.min(rollupRuns, directRuns),
  );
  const cityDirect = await run(`select ${DIRECT} from cases`, [fromInstant, toInstant], directRuns);
  return {
    from,
    to,
    streetName: street.name,
    streetCases: street.n,
    street: { streetRollups: streetRollups.timing, gridRollups: streetGrid.timing, direct: streetDirect.timing },
    city: { streetRollups: cityRollups.timing, gridRollups: cityGrid.timing, direct: cityDirect.timing },
    received: [
      [streetRollups.received, streetDirect.received],
      [cityRollups.received, cityDirect.received],
    ],
  };
}
