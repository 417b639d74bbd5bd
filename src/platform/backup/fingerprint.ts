/**
 * A table's fingerprint: its row count and the SHA-256 of its rows' text, in sorted order. Two
 * databases whose every table has the same fingerprint hold the same data; a backup's manifest
 * carries them, and a restore is checked against them.
 */
export type Query = <R>(text: string, params?: unknown[]) => Promise<R[]>;

export interface TableFingerprint {
  rows: number;
  sha256: string;
}

export async function tableNames(query: Query): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  return rows.map((row) => row.name);
}

export async function fingerprintTables(query: Query): Promise<Record<string, TableFingerprint>> {
  const result: Record<string, TableFingerprint> = {};
  for (const name of await tableNames(query)) {
    // Names come from pg_tables, quoted all the same; the row's text form covers every column.
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await query<{ rows: number | string; sha256: string }>(
      `select count(*)::int as rows,
              encode(sha256(convert_to(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), ''), 'UTF8')), 'hex') as sha256
       from ${quoted} t`,
    );
    result[name] = { rows: Number(row?.rows ?? 0), sha256: String(row?.sha256) };
  }
  return result;
}

export async function migrationLevel(query: Query): Promise<{ version: number; name: string }> {
  const [row] = await query<{ version: number; name: string }>(
    'select version, name from schema_migrations order by version desc limit 1',
  );
  return { version: Number(row?.version ?? 0), name: row?.name ?? '' };
}
