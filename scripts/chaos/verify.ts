import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Query } from '../../src/platform/backup/fingerprint.ts';
import type { Ledger } from './load.ts';

/**
 * What must hold after the run, read straight from the database and the photo folder:
 * - lost: an acknowledged case missing, or missing an acknowledged step of its timeline;
 * - duplicates: more than one case under one intake key, or a step recorded twice on one case;
 * - half-written: a case without its case.reported event, case events or photos pointing at no
 *   case, an idempotency key whose case is gone, a photo row whose file is missing.
 */
export interface Verdict {
  checkedCases: number;
  lost: number;
  duplicates: number;
  halfWritten: number;
  details: string[];
}

const EVENT_OF: Record<string, string> = { accept: 'case.accepted', start: 'case.started', resolve: 'case.resolved' };

export async function verify(query: Query, filesDir: string, ledger: Ledger, tag: string, since: Date): Promise<Verdict> {
  const client = { query: async <R>(text: string, params?: unknown[]) => ({ rows: await query<R>(text, params) }) };
  const details: string[] = [];
  const note = (line: string) => {
    if (details.length < 30) details.push(line);
  };
  const ids = [...ledger.cases.keys()];
  const { rows: found } = await client.query<{ id: string; idempotency_key: string | null }>(
    'select id, idempotency_key from cases where id = any($1::uuid[])',
    [ids],
  );
  const present = new Set(found.map((row) => row.id));
  const { rows: events } = await client.query<{ entity_id: string; type: string; n: number }>(
    `select entity_id, type, count(*)::int as n from events
       where entity_type = 'case' and entity_id = any($1::uuid[]) group by entity_id, type`,
    [ids],
  );
  const eventCount = new Map(events.map((e) => [`${e.entity_id} ${e.type}`, e.n]));
  let lost = 0;
  let duplicates = 0;
  for (const [id, entry] of ledger.cases) {
    if (!present.has(id)) {
      lost++;
      note(`lost: acknowledged case ${id} is missing`);
      continue;
    }
    for (const type of ['case.reported', ...entry.actions.map((a) => EVENT_OF[a] as string)]) {
      const n = eventCount.get(`${id} ${type}`) ?? 0;
      if (n === 0) {
        lost++;
        note(`lost: case ${id} has no ${type} although it was acknowledged`);
      }
    }
  }
  for (const [key, n] of eventCount) {
    if (n > 1) {
      duplicates += n - 1;
      note(`duplicate: ${key} recorded ${n} times`);
    }
  }
  // Every case of this run came from one intake key; two cases under one key would be a retry done twice.
  const { rows: ours } = await client.query<{ key: string | null; n: number }>(
    `select idempotency_key as key, count(*)::int as n from cases where description like $1 group by idempotency_key`,
    [`[${tag}]%`],
  );
  for (const row of ours) {
    if (row.key === null || row.n > 1 || !ledger.intakeKeys.has(row.key)) {
      duplicates += row.key === null ? row.n : row.n - 1;
      note(`duplicate: ${row.n} case(s) under intake key ${row.key}`);
    }
  }
  const halfWritten = await countHalfWritten(client, filesDir, tag, since, note);
  return { checkedCases: ids.length, lost, duplicates, halfWritten, details };
}

async function countHalfWritten(
  client: { query: <R>(text: string, params?: unknown[]) => Promise<{ rows: R[] }> },
  filesDir: string,
  tag: string,
  since: Date,
  note: (line: string) => void,
): Promise<number> {
  const checks: [string, string][] = [
    [
      'cases without their case.reported event',
      `select count(*)::int as n from cases c where c.description like $1 and not exists (
         select 1 from events e where e.entity_type = 'case' and e.entity_id = c.id and e.type = 'case.reported')`,
    ],
    [
      'case events of no case',
      `select count(*)::int as n from events e where e.entity_type = 'case' and not exists (select 1 from cases c where c.id = e.entity_id)`,
    ],
    [
      'photos attached to no case',
      `select count(*)::int as n from photos p where p.entity_type = 'case' and not exists (select 1 from cases c where c.id = p.entity_id)`,
    ],
    [
      'intake keys whose case is missing',
      `select count(*)::int as n from idempotency_keys k where k.operation = 'POST /cases'
         and not exists (select 1 from cases c where c.id = (k.result->>'caseId')::uuid)`,
    ],
    [
      'cases whose state has no event leading to it',
      `select count(*)::int as n from cases c where c.description like $1 and not exists (
         select 1 from events e where e.entity_type = 'case' and e.entity_id = c.id and e.data->>'to' = c.state::text)`,
    ],
  ];
  let total = 0;
  for (const [what, query] of checks) {
    const { rows } = await client.query<{ n: number }>(query, query.includes('$1') ? [`[${tag}]%`] : []);
    const n = rows[0]?.n ?? 0;
    if (n > 0) note(`half-written: ${n} ${what}`);
    total += n;
  }
  const { rows: photos } = await client.query<{ content_key: string; thumbnail_key: string }>(
    'select content_key, thumbnail_key from photos where created_at >= $1',
    [since],
  );
  let missing = 0;
  for (const photo of photos) {
    for (const key of [photo.content_key, photo.thumbnail_key]) {
      if (!existsSync(path.join(filesDir, key.slice(0, 2), key))) missing++;
    }
  }
  if (missing > 0) note(`half-written: ${missing} photo files missing`);
  return total + missing;
}
