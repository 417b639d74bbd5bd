import type { Boundaries } from '../geo/geo-types.ts';

/** One feature of an uploaded grid file, as the preview table lists it. */
export interface FeatureRow {
  index: number;
  /** The id the preview map knows the feature by. */
  id: string;
  code: string;
  name: string;
  parent: string;
}

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/**
 * Reads an uploaded grid file far enough to draw it: a FeatureCollection, its polygons keyed by
 * position. Whether it may be imported is the server's to say (the dry run); null when it is not
 * GeoJSON at all.
 */
export function readGridFile(content: string): { collection: unknown; preview: Boundaries; rows: FeatureRow[] } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) return null;
  const rows: FeatureRow[] = [];
  const features: Boundaries['features'] = [];
  collection.features.forEach((raw, index) => {
    const feature = (raw ?? {}) as { properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } };
    const props = feature.properties ?? {};
    const row = { index, id: `feature-${index}`, code: text(props.code), name: text(props.name), parent: text(props.parent) };
    rows.push(row);
    const geometry = feature.geometry;
    if ((geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') && Array.isArray(geometry.coordinates)) {
      features.push({
        type: 'Feature',
        id: row.id,
        properties: {
          id: row.id,
          name: row.name || row.code || `#${index + 1}`,
          code: row.code,
          level: 'grid',
          parentId: null,
          responsibleUserId: null,
        },
        geometry: { type: geometry.type, coordinates: geometry.coordinates as unknown[] },
      });
    }
  });
  return { collection: parsed, preview: { type: 'FeatureCollection', features }, rows };
}
