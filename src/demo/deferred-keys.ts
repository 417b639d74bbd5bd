/**
 * Bulk loading as pg_restore does it: the secondary indexes and foreign keys of the tables about to
 * be filled are dropped, the rows go in, and then each index is built in one sort and each foreign
 * key checked in one join, instead of an index entry and a lookup per row. Everything happens in the
 * caller's transaction, so a failed load leaves the schema as it was, and a row that breaks a key
 * fails the whole load when the key is put back.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Drops what would slow the load of these tables; answers how to put it all back. */
export async function deferKeys(trx: Kysely<DB>, tables: readonly string[]): Promise<() => Promise<void>> {
  // Indexes that back no constraint: a primary key or unique constraint stays, as do keys pointing at it.
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select x.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class x on x.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by t.relname, x.relname`.execute(trx);
  const { rows: foreignKeys } = await sql<{ table: string; name: string; definition: string }>`
    select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
    order by t.relname, c.conname`.execute(trx);
  for (const fk of foreignKeys) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.ref(fk.name)}`.execute(trx);
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(trx);
  return async () => {
    for (const index of indexes) await sql.raw(index.definition).execute(trx);
    for (const fk of foreignKeys) {
      await sql`alter table ${sql.table(fk.table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(trx);
    }
  };
}
