import type { Kysely } from 'kysely';
import type { DB, GeoJsonPolygon } from '../../platform/db/schema.ts';
import { type AreaRow, activeGridBoundaries, boundaryVersion, findNodeAtBoundaryVersion } from './areas.repository.ts';
import { GridIndex } from './grid-index.ts';

type Loaded = { version: number; index: GridIndex };

/**
 * The in-process grid index of one server, kept true to the database: the grid a point falls in
 * is read together with the boundary version, and a version bumped by any instance rebuilds the
 * index and asks again. A lookup therefore costs the one statement that reads the grid anyway.
 */
export class GridLocator {
  private current: Loaded | undefined;
  private pending: Promise<Loaded> | undefined;

  /** The grid node at a point. `db` may be a transaction: inside one, PGlite needs every query to go through it. */
  async locate(db: Kysely<DB>, lon: number, lat: number): Promise<AreaRow | undefined> {
    let loaded = this.current ?? (await this.indexAt(db, await boundaryVersion(db)));
    for (;;) {
      const grid = loaded.index.lookup(lon, lat);
      // A point outside every grid still needs the version to know the index was not stale.
      const found = grid ? await findNodeAtBoundaryVersion(db, grid.id) : undefined;
      const version = found ? found.boundary_version : await boundaryVersion(db);
      if (version === loaded.version) {
        if (!found) return undefined;
        const { boundary_version: _, ...node } = found;
        return node;
      }
      loaded = await this.indexAt(db, version);
    }
  }

  private async indexAt(db: Kysely<DB>, version: number): Promise<Loaded> {
    if (this.current?.version === version) return this.current;
    if (!this.pending) {
      this.pending = this.load(db, version).finally(() => {
        this.pending = undefined;
      });
    }
    const loaded = await this.pending;
    if (loaded.version !== version) return this.indexAt(db, version);
    return loaded;
  }

  private async load(db: Kysely<DB>, version: number): Promise<Loaded> {
    const grids = await activeGridBoundaries(db);
    const index = GridIndex.build(
      grids.map((grid) => ({ id: grid.id, code: grid.code, boundary: grid.boundary as GeoJsonPolygon })),
    );
    this.current = { version, index };
    return this.current;
  }
}
