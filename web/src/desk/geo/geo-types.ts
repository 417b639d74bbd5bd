/** Shapes of the map and statistics API, taken type-only from the server's schemas. */
import type { z } from 'zod';
import type { featureCollectionSchema } from '../../../../src/modules/areas/areas.schemas.ts';
import type { gridStatsResponse, overviewSchema } from '../../../../src/modules/stats/stats.schemas.ts';
import type { Json } from '../../shared/types.ts';

export type Boundaries = Json<z.infer<typeof featureCollectionSchema>>;
export type GridStatsResponse = Json<z.infer<typeof gridStatsResponse>>;
export type GridStats = GridStatsResponse['items'][number];
export type Overview = Json<z.infer<typeof overviewSchema>>;

/** The figures a map area is coloured and described by: one grid's, or a community's grids summed. */
export type AreaFigures = Pick<GridStats, 'open' | 'overdue' | 'warning' | 'received30d' | 'resolved30d'>;
export const MAP_METRICS = ['open', 'overdue', 'received30d'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

export interface CasePoint {
  id: string;
  number: string;
  title: string;
  lon: number;
  lat: number;
  status: 'none' | 'ok' | 'warning' | 'overdue';
}
