/**
 * What a generated city was made with, kept as the database's comment: the benchmark reuses a city
 * of the size it needs instead of generating it again (its own intake adds cases, so counting them would not do).
 */
import type pg from 'pg';
import { databaseName } from './database-admin.ts';

export interface CityStamp {
  cases: number;
  streets: number;
  years: number;
  seed: number;
  generatedAt: string;
  seconds: number;
}

const PREFIX = 'fengqiao generated city: ';

export async function stampCity(client: pg.ClientBase, url: string, stamp: CityStamp): Promise<void> {
  const text = `${PREFIX}${JSON.stringify(stamp)}`;
  await client.query(`comment on database ${databaseName(url)} is '${text.replaceAll("'", "''")}'`);
}

export async function readCityStamp(client: pg.ClientBase): Promise<CityStamp | undefined> {
  const { rows } = await client.query<{ comment: string | null }>(
    "select shobj_description(oid, 'pg_database') as comment from pg_database where datname = current_database()",
  );
  const comment = rows[0]?.comment;
  if (!comment?.startsWith(PREFIX)) return undefined;
  try {
    return JSON.parse(comment.slice(PREFIX.length)) as CityStamp;
  } catch {
    return undefined;
  }
}
