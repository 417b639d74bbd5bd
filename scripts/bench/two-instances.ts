/**
 * Two server instances on one database under intake load, both running the deadline jobs every
 * second: cases are made due during the load so that both instances race to claim them. Afterwards
 * every case whose creation was answered 201 must be in the database, and no case may have been
 * warned or marked overdue twice, nor anyone notified twice of it.
 */
import type pg from 'pg';
import type { reportRequests } from './intake-load.ts';
import type { ServerProcess } from './server-process.ts';

export interface TwoInstancesResult {
  created: number;
  failed: number;
  perSecond: number;
  /** Cases answered 201 that the database does not hold. */
  lost: number;
  madeDue: number;
  /** Of the cases made due, how many got their overdue mark during the run. */
  markedOverdue: number;
  duplicateEvents: number;
  duplicateNotifications: number;
}

/** Open cases due within the next few seconds, warned already due: both instances' jobs will want them. */
async function makeCasesDue(client: pg.ClientBase, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `update cases set due_at = now() + random() * interval '2 seconds', warn_at = now() - interval '1 second',
            warned_at = null, overdue_at = null
      where id in (select id from cases where state = any ($1::text[]) and overdue_at is null order by created_at desc limit $2)
      returning id`,
    [['reported', 'accepted', 'assigned', 'in_progress', 'returned'], count],
  );
  return rows.map((row) => row.id);
}

async function report(server: ServerProcess, request: { headers: Record<string, string>; body: string }) {
  const response = await fetch(`${server.baseUrl}/api/cases`, { method: 'POST', headers: request.headers, body: request.body });
  const body = (await response.json()) as { case?: { id: string } };
  return response.status === 201 ? (body.case?.id ?? null) : null;
}

export async function twoInstances(
  client: pg.ClientBase,
  servers: [ServerProcess, ServerProcess],
  next: ReturnType<typeof reportRequests>,
  options: { connections: number; seconds: number; due: number },
): Promise<TwoInstancesResult> {
  const { rows: clock } = await client.query<{ now: Date }>('select now() as now');
  const since = clock[0]?.now;
  const due = await makeCasesDue(client, options.due);
  const created: string[] = [];
  let failed = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async (_, i) => {
      const server = servers[i % 2] as ServerProcess;
      while (performance.now() < until) {
        const id = await report(server, next()).catch(() => null);
        if (id) created.push(id);
        else failed++;
      }
    }),
  );
  const perSecond = created.length / ((performance.now() - started) / 1000);
  // The jobs run every second: give them two more rounds to claim what fell due at the end.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const { rows: found } = await client.query<{ n: number }>('select count(*)::int as n from cases where id = any ($1::uuid[])', [
    created,
  ]);
  const { rows: marks } = await client.query<{ overdue: number; duplicates: number }>(
    `select count(*)::int as overdue,
            (select count(*)::int from (select entity_id, type from events
               where entity_type = 'case' and entity_id = any ($1::uuid[]) and at >= $2
                 and type in ('case.overdue', 'case.deadline_warning')
               group by 1, 2 having count(*) > 1) d) as duplicates
       from events where entity_type = 'case' and entity_id = any ($1::uuid[]) and at >= $2 and type = 'case.overdue'`,
    [due, since],
  );
  const { rows: notices } = await client.query<{ n: number }>(
    `select count(*)::int as n from (select case_id, user_id, kind from notifications
       where case_id = any ($1::uuid[]) and created_at >= $2 and kind in ('case.overdue', 'case.deadline_warning')
       group by 1, 2, 3 having count(*) > 1) d`,
    [due, since],
  );
  return {
    created: created.length,
    failed,
    perSecond,
    lost: created.length - (found[0]?.n ?? 0),
    madeDue: due.length,
    markedOverdue: marks[0]?.overdue ?? 0,
    duplicateEvents: marks[0]?.duplicates ?? 0,
    duplicateNotifications: notices[0]?.n ?? 0,
  };
}
