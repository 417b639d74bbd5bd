/**
 * Who the benchmark signs in as, found in the generated city: residents of many streets to report
 * cases, the worker of the busiest grid and the handler of the busiest department to read inboxes.
 */
import type pg from 'pg';

export interface CityReporter {
  username: string;
  points: [number, number][];
}

export interface Reader {
  username: string;
  /** What the account stands for: the grid or the department, and how many cases it may see. */
  scope: string;
  visibleCases: number;
}

/** Up to `streets` streets' resident accounts, each with the building points of its street. */
export async function cityReporters(client: pg.ClientBase, streets: number): Promise<CityReporter[]> {
  const { rows } = await client.query<{ username: string; points: [number, number][] }>(
    `select u.username,
            (select array_agg(array[b.lon, b.lat]) from area_nodes b
              where b.street_id = u.street_id and b.level = 'building' and b.retired_at is null) as points
       from users u join role_assignments ra on ra.user_id = u.id and ra.role = 'resident'
      where u.disabled_at is null
      order by u.username
      limit $1`,
    [streets],
  );
  return rows.filter((row) => row.points?.length);
}

export async function leafCategories(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    'select id from case_categories where parent_id is not null and retired_at is null order by code',
  );
  return rows.map((row) => row.id);
}

/** The grid worker whose grid holds the most cases. */
export async function busiestGridWorker(client: pg.ClientBase): Promise<Reader> {
  const { rows } = await client.query<{ username: string; grid: string; n: number }>(
    `with busiest as (select grid_id, count(*)::int as n from cases group by grid_id order by n desc limit 1)
     select u.username, g.name || ' (' || g.code || ')' as grid, busiest.n
       from busiest join area_nodes g on g.id = busiest.grid_id
       join role_assignments ra on ra.node_id = g.id and ra.role = 'grid_worker'
       join users u on u.id = ra.user_id
      order by u.username limit 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('No grid worker with cases: generate a city first.');
  return { username: row.username, scope: `grid ${row.grid}`, visibleCases: row.n };
}

/** The department handler whose department has held the most cases. */
export async function busiestDepartmentHandler(client: pg.ClientBase): Promise<Reader> {
  const { rows } = await client.query<{ username: string; name: string; n: number }>(
    `with busiest as (
       select a.organisation_id, count(*)::int as n from case_org_access a
         join organisations o on o.id = a.organisation_id and o.kind = 'street_department'
        group by a.organisation_id order by n desc limit 1)
     select u.username, o.name, busiest.n
       from busiest join organisations o on o.id = busiest.organisation_id
       join role_assignments ra on ra.organisation_id = o.id and ra.role = 'dept_handler'
       join users u on u.id = ra.user_id
      order by u.username limit 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('No department has held a case: generate a bigger city.');
  return { username: row.username, scope: `department ${row.name}`, visibleCases: row.n };
}
