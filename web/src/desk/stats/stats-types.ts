/** Shapes of the indicators API, taken type-only from the server's schemas. */
import type { z } from 'zod';
import type {
  breakdownResponse,
  figuresResponse,
  registryResponse,
  reportSchema,
  trendResponse,
} from '../../../../src/modules/stats/indicators.schemas.ts';
import type { Json } from '../../shared/types.ts';

export type Registry = Json<z.infer<typeof registryResponse>>;
export type IndicatorInfo = Registry['items'][number];
export type Figures = Json<z.infer<typeof figuresResponse>>;
export type FigureLine = Figures['indicators'][number];
export type Trend = Json<z.infer<typeof trendResponse>>;
export type Breakdown = Json<z.infer<typeof breakdownResponse>>;
export type Report = Json<z.infer<typeof reportSchema>>;
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface StatsScope {
  nodeId: string | undefined;
  period: PeriodKind;
  /** A day in the month, quarter or year. */
  at: string;
  from: string;
  to: string;
}
