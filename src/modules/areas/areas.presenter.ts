import type { z } from 'zod';
import type { GeoJsonPolygon } from '../../platform/db/schema.ts';
import type { AreaRow } from './areas.repository.ts';
import type { areaSchema } from './areas.schemas.ts';

type AreaListRow = Omit<AreaRow, 'child_count'> & { child_count: number | null };

export function presentArea(row: AreaListRow): z.infer<typeof areaSchema> {
  return {
    id: row.id,
    parentId: row.parent_id,
    streetId: row.street_id,
    level: row.level,
    name: row.name,
    code: row.code,
    boundary: row.boundary as GeoJsonPolygon | null,
    lon: row.lon,
    lat: row.lat,
    responsibleUserId: row.responsible_user_id,
    responsibleName: row.responsible_name,
    estateId: row.estate_id,
    floorAreaM2: row.floor_area_m2,
    childCount: row.child_count ?? 0,
    retiredAt: row.retired_at,
    updatedAt: row.updated_at,
  };
}
