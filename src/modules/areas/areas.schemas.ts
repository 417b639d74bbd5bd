import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { AREA_LEVELS } from './levels.ts';

export const areaLevel = z.enum(AREA_LEVELS as [string, ...string[]]) as z.ZodType<
  'district' | 'street' | 'community' | 'grid' | 'building' | 'unit' | 'household'
>;
const name = z.string().trim().min(1, 'Enter a name.').max(100);
const code = z
  .string()
  .trim()
  .min(1, 'Enter a code.')
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'A code holds letters, digits, dot, dash and underscore.');
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const geometry = z
  .object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()) })
  .describe('GeoJSON Polygon or MultiPolygon in WGS84 lon/lat');

export const areaSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    streetId: z.uuid().nullable(),
    level: areaLevel,
    name: z.string(),
    code: z.string(),
    boundary: geometry.nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    responsibleUserId: z.uuid().nullable(),
    responsibleName: z.string().nullable(),
    estateId: z.uuid().nullable(),
    floorAreaM2: z.number().nullable(),
    childCount: z.number(),
    retiredAt: z.date().nullable(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Area' });

export const areaDetailSchema = z.object({
  area: areaSchema,
  breadcrumbs: z.array(z.object({ id: z.uuid(), name: z.string(), level: areaLevel })),
});

export const listAreasQuery = z.object({
  parentId: z.uuid().optional(),
  level: areaLevel.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  includeRetired: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  ...pageQuery,
});

export const createAreaBody = z.object({
  parentId: z.uuid(),
  level: areaLevel,
  name,
  code,
  boundary: geometry.optional(),
  lon: lon.optional(),
  lat: lat.optional(),
  responsibleUserId: z.uuid().optional(),
});

export const updateAreaBody = z
  .object({
    name: name.optional(),
    code: code.optional(),
    parentId: z.uuid().optional().describe('Move the area (and everything in it) under this parent'),
    boundary: geometry.nullable().optional(),
    lon: lon.nullable().optional(),
    lat: lat.nullable().optional(),
    responsibleUserId: z.uuid().nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change.' });

export const retireAreaBody = z.object({ reason: z.string().trim().min(2, 'Give a reason.').max(500) });

export const importGridsQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const importGridsBody = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).max(5000) })
  .passthrough()
  .describe(
    'Each feature: properties.parent (community code or id), properties.code, properties.name, optional properties.worker (username); Polygon or MultiPolygon geometry',
  );

export const importGridsResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  grids: z.array(z.object({ index: z.number(), id: z.uuid(), code: z.string(), action: z.enum(['created', 'updated']) })),
});

export const gridAtQuery = z.object({ lon: z.coerce.number().min(-180).max(180), lat: z.coerce.number().min(-90).max(90) });

export const boundariesQuery = z.object({ level: areaLevel.default('grid') });

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.uuid(),
      properties: z.object({
        id: z.uuid(),
        name: z.string(),
        code: z.string(),
        level: areaLevel,
        parentId: z.uuid().nullable(),
        responsibleUserId: z.uuid().nullable(),
      }),
      geometry,
    }),
  ),
});
