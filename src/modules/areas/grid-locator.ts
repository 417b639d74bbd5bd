import type { Kysely } from 'kysely';
import type { DB, GeoJsonPolygon } from '../../platform/db/schema.ts';
import { activeGridBoundaries, boundaryVersion } from './areas.repository.ts';
import { GridIndex, type IndexedGrid } from './grid-index.ts';

/**
 * The in-process grid index of one server, kept true to the database: every lookup reads the
 * boundary version (one indexed row), and a version bumped by any instance rebuilds the index.
 */
export class GridLocator {
  private current: { version: number; index: GridIndex } | undefined;
  private pending: Promise<{ version: number; index: GridIndex }> | undefined;

  /** `db` may be a transaction: inside one, PGlite needs every query to go through it. */
  async locate(db: Kysely<DB>, lon: number, lat: number): Promise<IndexedGrid | undefined> {
    const index = await this.indexAt(db, await boundaryVersion(db));
    return index.lookup(lon, lat);
  }

  private async indexAt(db: Kysely<DB>, version: number): Promise<GridIndex> {
    if (this.current?.version === version) return this.current.index;
    if (!this.pending) {
      this.pending = this.load(db, version).finally(() => {
        this.pending = undefined;
      });
    }
    const loaded = await this.pending;
    if (loaded.version !== version) return this.indexAt(db, version);
    return loaded.index;
  }

  private async load(db: Kysely<DB>, version: number) {
    const grids = await activeGridBoundaries(db);
    const index = GridIndex.build(
      grids.map((grid) => ({ id: grid.id, code: grid.code, boundary: grid.boundary as GeoJsonPolygon })),
    );
    this.current = { version, index };
    return this.current;
  }
}
