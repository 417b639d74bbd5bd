/** Creating and dropping whole databases on the server a DATABASE_URL points at. */
import pg from 'pg';

export const DEFAULT_CITY_URL = 'postgres://postgres@127.0.0.1:5432/fengqiao_city';

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Use a plain lower-case database name, not "${name}".`);
  return name;
}

/** The same server's maintenance database, to create and drop others from. */
export function maintenanceUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return admin.toString();
}

export async function withMaintenance<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withMaintenance(url, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return (rowCount ?? 0) > 0;
  });
}

export async function createDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenance(url, (client) => client.query(`create database ${name}`));
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenance(url, (client) => client.query(`drop database if exists ${name} with (force)`));
}
