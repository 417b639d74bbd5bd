import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { GridLocator } from '../../modules/areas/grid-locator.ts';
import type { Database } from '../db/database.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse<IncomingMessage>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What every module's routes are given: one per process. */
export interface AppContext {
  config: Config;
  database: Database;
  gridLocator: GridLocator;
  version: string;
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine code, e.g. CASE_ILLEGAL_TRANSITION'),
      message: z.string(),
      field: z.string().optional().describe('The request field at fault, when one is'),
    }),
  })
  .meta({ id: 'Error' });

/** Response schemas for a route: its success bodies plus the error shape for the statuses it can answer. */
export function responses<T extends Record<number, z.ZodType>, const E extends readonly number[] = readonly [400, 401, 404]>(
  success: T,
  errors: E = [400, 401, 404] as unknown as E,
) {
  return { ...success, ...Object.fromEntries(errors.map((status) => [status, errorSchema])) } as T & {
    [K in E[number]]: typeof errorSchema;
  };
}

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

/** A list answered whole, without paging: `{ items: [...] }`. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** What a write can answer besides success: bad input, no session, no permission, outside scope, a conflict. */
export const WRITE_ERRORS = [400, 401, 403, 404, 409] as const;
