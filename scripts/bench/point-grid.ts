/**
 * Point -> grid for many random points over the city: the in-process index as intake calls it
 * (GridLocator: the R-tree and the exact test, then the grid's row read with the boundary version),
 * the index alone, PostGIS one point per statement, and PostGIS batched. Every way must give every
 * point the same grid (or none).
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { Random } from '../../src/demo/random.ts';
import { activeGridBoundaries } from '../../src/modules/areas/areas.repository.ts';
import { boundingBox, GridIndex } from '../../src/modules/areas/grid-index.ts';
import { GridLocator } from '../../src/modules/areas/grid-locator.ts';
import type { DB, GeoJsonPolygon } from '../../src/platform/db/schema.ts';
import { BATCH_QUERY, ensurePostgis, loadPostgisGrids, POINT_QUERY } from './postgis.ts';

export interface PointGridResult {
  polygons: number;
  points: number;
  located: number;
  locatorPerSecond: number;
  indexPerSecond: number;
  postgisPerSecond: number;
  postgisBatchedPerSecond: number;
  /** Points on which some way disagreed with the in-process index. */
  mismatches: number;
}

type Answers = (string | null)[];

/** `concurrency` loops taking the next point until none is left, as that many intake requests would. */
async function concurrently(points: number, concurrency: number, lookup: (i: number, worker: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < points; i = next++) await lookup(i, worker);
    }),
  );
  return points / ((performance.now() - started) / 1000);
}

/** Points where any of the other answers differs from the first. */
const disagreements = (first: Answers, ...others: Answers[]) =>
  first.reduce((n, id, i) => n + (others.every((answers) => answers[i] === id) ? 0 : 1), 0);

export async function pointToGrid(
  db: Kysely<DB>,
  databaseUrl: string,
  options: { points: number; concurrency: number; seed: number },
  log: (line: string) => void,
): Promise<PointGridResult> {
  const grids = (await activeGridBoundaries(db)).map((g) => ({ id: g.id, code: g.code, boundary: g.boundary as GeoJsonPolygon }));
  const boxes = grids.map((g) => boundingBox(g.boundary));
  const [west, south] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))];
  const [east, north] = [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  const random = new Random(options.seed);
  const lons = Array.from({ length: options.points }, () => random.between(west, east));
  const lats = Array.from({ length: options.points }, () => random.between(south, north));

  const locator = new GridLocator();
  await locator.locate(db, lons[0] as number, lats[0] as number);
  const byLocator: Answers = new Array(options.points).fill(null);
  const locatorPerSecond = await concurrently(options.points, options.concurrency, async (i) => {
    byLocator[i] = (await locator.locate(db, lons[i] as number, lats[i] as number))?.id ?? null;
  });

  const index = GridIndex.build(grids);
  const byIndex: Answers = new Array(options.points).fill(null);
  let rounds = 0;
  const started = performance.now();
  do {
    for (let i = 0; i < options.points; i++) byIndex[i] = index.lookup(lons[i] as number, lats[i] as number)?.id ?? null;
    rounds++;
  } while (performance.now() - started < 1000);
  const indexPerSecond = (rounds * options.points) / ((performance.now() - started) / 1000);

  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await ensurePostgis(admin, log);
  } finally {
    await admin.end();
  }
  const gis = await loadPostgisGrids(databaseUrl, grids);
  try {
    const clients = await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        const client = new pg.Client({ connectionString: gis.url });
        await client.connect();
        return client;
      }),
    );
    const byPostgis: Answers = new Array(options.points).fill(null);
    let postgisPerSecond: number;
    let byBatch: Answers = [];
    let postgisBatchedPerSecond: number;
    try {
      postgisPerSecond = await concurrently(options.points, options.concurrency, async (i, worker) => {
        const { rows } = await (clients[worker] as pg.Client).query<{ id: string }>({
          ...POINT_QUERY,
          values: [lons[i], lats[i]],
        });
        byPostgis[i] = rows[0]?.id ?? null;
      });
      const batchStarted = performance.now();
      const client = clients[0] as pg.Client;
      for (let i = 0; i < options.points; i += 10_000) {
        const { rows } = await client.query<{ id: string | null }>(BATCH_QUERY, [
          lons.slice(i, i + 10_000),
          lats.slice(i, i + 10_000),
        ]);
        byBatch = byBatch.concat(rows.map((row) => row.id));
      }
      postgisBatchedPerSecond = options.points / ((performance.now() - batchStarted) / 1000);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    return {
      polygons: grids.length,
      points: options.points,
      located: byIndex.filter((id) => id !== null).length,
      locatorPerSecond,
      indexPerSecond,
      postgisPerSecond,
      postgisBatchedPerSecond,
      mismatches: disagreements(byIndex, byLocator, byPostgis, byBatch),
    };
  } finally {
    await gis.drop();
  }
}
