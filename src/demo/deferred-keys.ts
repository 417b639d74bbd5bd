/**
 * Bulk loading as pg_restore does it: the indexes, unique keys and foreign keys of the tables about
 * to be filled are dropped, the rows go in, and then each index is built in one sort and each
 * foreign key checked in one join, instead of an index entry and a lookup per row. Everything
 * happens in the caller's transaction, so a failed load leaves the schema as it was, and a row that
 * breaks a key fails the whole load when the key is put back.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

interface Constraint {
  table: string;
  name: string;
  definition: string;
}

/** Drops what would slow the load of these tables; answers how to put it all back. */
export async function deferKeys(trx: Kysely<DB>, tables: readonly string[]): Promise<() => Promise<void>> {
  const { rows: foreignKeys } = await sql<Constraint & { oid: string }>`
    select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition, c.oid::text as oid
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
    order by t.relname, c.conname`.execute(trx);
  // Primary and unique keys go too, unless a foreign key that stays points at them.
  const { rows: keys } = await sql<Constraint>`
    select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype in ('p', 'u') and t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid
        and not f.oid = any(${foreignKeys.map((fk) => fk.oid)}::oid[]))
    order by t.relname, c.conname`.execute(trx);
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select x.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class x on x.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    where t.relnamespace = current_schema()::regnamespace and t.relname = any(${tables}::text[])
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by t.relname, x.relname`.execute(trx);
  for (const c of [...foreignKeys, ...keys])
    await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(trx);
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(trx);
  return async () => {
    for (const c of [...keys, ...foreignKeys]) {
      await sql`alter table ${sql.table(c.table)} add constraint ${sql.ref(c.name)} ${sql.raw(c.definition)}`.execute(trx);
    }
    for (const index of indexes) await sql.raw(index.definition).execute(trx);
  };
}
