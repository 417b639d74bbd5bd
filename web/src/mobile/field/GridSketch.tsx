import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area } from '../../shared/types.ts';
import './messages.ts';

type Ring = [number, number][];
const WIDTH = 320;
const HEIGHT = 200;
const PAD = 16;

/** The outer rings of a Polygon or MultiPolygon. */
function outerRings(boundary: NonNullable<Area['boundary']>): Ring[] {
  const coordinates = boundary.coordinates as unknown;
  if (boundary.type === 'Polygon') return [(coordinates as Ring[])[0] ?? []];
  return (coordinates as Ring[][]).map((polygon) => polygon[0] ?? []);
}

/** Lon/lat to the picture: equirectangular, with longitude shrunk by cos(latitude) so shapes keep their proportions. */
function projector(points: [number, number][]) {
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-6);
  const spanY = Math.max(north - south, 1e-6);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return ([lon, lat]: [number, number]): [number, number] => [
    offsetX + (lon - west) * kx * scale,
    offsetY + (north - lat) * scale,
  ];
}

/**
 * Where the case lies in its grid: the grid's own boundary (GeoJSON from the area) drawn as a
 * small SVG with the case's point on it. No map tiles: the street's network may have none.
 */
export function GridSketch({ gridId, lon, lat }: { gridId: string; lon: number | null; lat: number | null }) {
  const { t } = useI18n();
  const grid = useQuery({
    queryKey: ['area', gridId],
    queryFn: () => api<{ area: Area }>(`/api/areas/${gridId}`).then((answer) => answer.area),
    staleTime: 10 * 60_000,
  });
  const boundary = grid.data?.boundary;
  if (!grid.data || !boundary) return null;

  const rings = outerRings(boundary);
  const point: [number, number] | null = lon !== null && lat !== null ? [lon, lat] : null;
  const project = projector([...rings.flat(), ...(point ? [point] : [])]);
  const path = rings
    .map(
      (ring) =>
        `M${ring
          .map((p) =>
            project(p)
              .map((v) => v.toFixed(1))
              .join(','),
          )
          .join('L')}Z`,
    )
    .join(' ');
  const [x, y] = point ? project(point) : [0, 0];
  const label = point ? t('field.map.withPoint', { grid: grid.data.name }) : t('field.map.noPoint', { grid: grid.data.name });

  return (
    <figure className="fq-sketch">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        <path d={path} className="fq-sketch-grid" />
        {point && (
          <g className="fq-sketch-point">
            <circle cx={x} cy={y} r={14} className="fq-sketch-halo" />
            <circle cx={x} cy={y} r={6} />
          </g>
        )}
        <g className="fq-sketch-north" transform={`translate(${WIDTH - 18}, 22)`}>
          <path d="M0,-12 L5,4 L0,1 L-5,4 Z" />
          <text y={16} textAnchor="middle">
            N
          </text>
        </g>
      </svg>
      <figcaption className="fq-field-hint">{label}</figcaption>
    </figure>
  );
}
