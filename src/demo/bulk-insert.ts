/**
 * How the demo seed writes its tens of thousands of rows: one JSON document per statement, which
 * PostgreSQL (and PGlite above all) turns into rows far faster than it binds a parameter per value.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Rows per statement: a few megabytes of JSON, well inside what either engine takes in one go. */
const ROWS_PER_STATEMENT = 40_000;

/**
 * Inserts rows that all name the same columns. JSON columns go in as objects or arrays (a string
 * would be stored as a JSON string), array columns as arrays, dates as Date or ISO strings. A
 * missing key would insert null rather than the column's default, so every row must name them all.
 */
export async function insertRows(trx: Kysely<DB>, table: keyof DB & string, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0] as object);
  for (const row of rows) {
    if (Object.keys(row).length !== names.length) {
      throw new Error(`Rows for ${table} must all name the same columns (${names.join(', ')})`);
    }
  }
  const columns = sql.join(names.map((name) => sql.ref(name)));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT));
    await sql`insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(trx);
  }
}
