import { Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import { useArea } from './reference-data.ts';

type Ring = [number, number][];
const WIDTH = 320;
const HEIGHT = 200;
const PAD = 16;

function ringsOf(boundary: { type: string; coordinates: unknown[] } | null | undefined): Ring[] {
  if (!boundary) return [];
  const polygons = (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates) as Ring[][];
  return polygons.flat();
}

/**
 * Where the case is, drawn inside its grid's own boundary: a small SVG, no map library. Longitude
 * is shrunk by cos(latitude) so the shape is not stretched.
 */
export function CasePoint({ detail }: { detail: CaseDetail }) {
  const { t, number } = useI18n();
  const grid = useArea(detail.gridId);
  const rings = ringsOf(grid.data?.boundary);
  const point = detail.lon !== null && detail.lat !== null ? ([detail.lon, detail.lat] as [number, number]) : null;
  const all = [...rings.flat(), ...(point ? [point] : [])];
  if (all.length === 0) return <Typography.Text type="secondary">{t('deskCases.detail.noPoint')}</Typography.Text>;

  const lons = all.map(([lon]) => lon);
  const lats = all.map(([, lat]) => lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const squash = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * squash, 1e-5);
  const spanY = Math.max(maxLat - minLat, 1e-5);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  const project = ([lon, lat]: [number, number]) =>
    [offsetX + (lon - minLon) * squash * scale, HEIGHT - offsetY - (lat - minLat) * scale] as const;
  const coordinates = point
    ? t('deskCases.detail.coordinates', {
        lon: number(Number(point[0].toFixed(5))),
        lat: number(Number(point[1].toFixed(5))),
      })
    : t('deskCases.detail.noPoint');

  return (
    <figure className="fq-point">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${detail.gridName ?? ''} ${coordinates}`}>
        <rect width={WIDTH} height={HEIGHT} fill="#f6f8fa" />
        {rings.map((ring, index) => (
          <polygon
            // biome-ignore lint/suspicious/noArrayIndexKey: rings have no identity of their own; the boundary fixes their order
            key={index}
            points={ring.map((c) => project(c).join(',')).join(' ')}
            fill="rgba(192, 57, 43, 0.08)"
            stroke="#c0392b"
            strokeWidth={1.5}
          />
        ))}
        {point && (
          <g transform={`translate(${project(point).join(',')})`}>
            <circle r={10} fill="rgba(250, 84, 28, 0.25)" />
            <circle r={4.5} fill="#fa541c" stroke="#fff" strokeWidth={1.5} />
          </g>
        )}
      </svg>
      <figcaption>
        {detail.gridName && <Typography.Text strong>{detail.gridName}</Typography.Text>}
        <Typography.Text type="secondary">{coordinates}</Typography.Text>
      </figcaption>
    </figure>
  );
}
