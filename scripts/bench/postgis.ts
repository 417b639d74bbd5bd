/**
 * PostGIS as the other way to find a point's grid: the Debian package installed when missing, a
 * scratch database holding the grid polygons with a GiST index, a point query as intake would send
 * it and the batched form PostGIS does best.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { createDatabase, databaseExists, dropDatabase } from '../generate/database-admin.ts';
import { scratchUrl } from './pgbench.ts';

const run = promisify(execFile);

export interface GridPolygon {
  id: string;
  code: string;
  boundary: unknown;
}

/** Installs postgresql-<major>-postgis-3 when the server cannot create the extension yet. */
export async function ensurePostgis(client: pg.ClientBase, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ n: number }>(
    "select count(*)::int as n from pg_available_extensions where name = 'postgis'",
  );
  if ((rows[0]?.n ?? 0) > 0) return;
  const { rows: version } = await client.query<{ major: string }>(
    "select current_setting('server_version_num')::int / 10000 as major",
  );
  const pkg = `postgresql-${version[0]?.major}-postgis-3`;
  log(`installing ${pkg} (apt-get)`);
  await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export interface PostgisGrids {
  url: string;
  drop(): Promise<void>;
}

/** A scratch database with the grids as PostGIS polygons under a GiST index. */
export async function loadPostgisGrids(databaseUrl: string, grids: readonly GridPolygon[]): Promise<PostgisGrids> {
  const url = scratchUrl(databaseUrl, 'gis');
  if (await databaseExists(url)) await dropDatabase(url);
  await createDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension postgis');
    await client.query('create table grids (id uuid primary key, code text not null, geom geometry(Geometry, 4326) not null)');
    for (let i = 0; i < grids.length; i += 1000) {
      const chunk = grids.slice(i, i + 1000);
      await client.query(
        `insert into grids (id, code, geom)
         select id, code, st_setsrid(st_geomfromgeojson(geojson), 4326)
           from unnest($1::uuid[], $2::text[], $3::text[]) as g (id, code, geojson)`,
        [chunk.map((g) => g.id), chunk.map((g) => g.code), chunk.map((g) => JSON.stringify(g.boundary))],
      );
    }
    await client.query('create index grids_geom on grids using gist (geom)');
    await client.query('analyze grids');
  } finally {
    await client.end();
  }
  return { url, drop: () => dropDatabase(url) };
}

/** As intake would ask: one point, one statement (prepared once per connection), the smallest code on a shared edge. */
export const POINT_QUERY = {
  name: 'grid_at',
  text: 'select id from grids where st_contains(geom, st_setsrid(st_makepoint($1, $2), 4326)) order by code, id limit 1',
};

/** PostGIS's best: many points in one statement, each joined to its grid through the index. */
export const BATCH_QUERY = `
  select g.id from unnest($1::float8[], $2::float8[]) with ordinality as p (lon, lat, i)
  left join lateral (
    select id from grids where st_contains(geom, st_setsrid(st_makepoint(p.lon, p.lat), 4326)) order by code, id limit 1
  ) g on true
  order by p.i`;
