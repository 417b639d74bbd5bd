import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { escapeLike } from './areas.repository.ts';

/** Enough to search as one types, too few to crawl the street's buildings quickly. */
const PLACES_PER_MINUTE = 120;

const placesQuery = z
  .object({
    q: z.string().trim().min(1).max(50).optional().describe('Part of an estate or building name'),
    lon: z.coerce.number().min(-180).max(180).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((query) => (query.lon === undefined) === (query.lat === undefined), {
    message: 'Nearness needs both lon and lat.',
    path: ['lat'],
  });

export const placeSchema = z
  .object({
    kind: z.enum(['estate', 'building']),
    id: z.uuid().describe('The building id to send as buildingId, or the estate id'),
    name: z.string(),
    estateName: z.string().nullable(),
    communityName: z.string().nullable(),
    lon: z.number().nullable().describe('For an estate, the building nearest its middle: a point inside one of its grids'),
    lat: z.number().nullable(),
  })
  .meta({ id: 'Place' });

/**
 * The estates (compounds) and buildings a reporter may pick instead of a point: names and map
 * positions only, no households or people, so it is open to anonymous reporters.
 */
export function placesRoutes(app: App, { database }: AppContext) {
  app.get(
    '/public/places',
    {
      config: { public: true, rateLimit: { max: PLACES_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Estates and buildings to pick as the place of a report, by name or nearest a point',
        querystring: placesQuery,
        response: responses({ 200: z.object({ items: z.array(placeSchema) }) }, [400, 429]),
      },
    },
    async (request) => ({ items: await findPlaces(database.db, request.query) }),
  );
}

interface PlaceRow {
  kind: 'estate' | 'building';
  id: string;
  name: string;
  estate_name: string | null;
  community_name: string | null;
  lon: number | null;
  lat: number | null;
}

/** One list of estates and buildings: by distance when a point is given, otherwise each estate followed by its buildings. */
async function findPlaces(db: Kysely<DB>, query: { q?: string | undefined; lon?: number; lat?: number; limit: number }) {
  const like = query.q ? `%${escapeLike(query.q)}%` : '%';
  const near = query.lon !== undefined && query.lat !== undefined;
  // Degrees of longitude shrink with latitude; the cosine keeps "nearest" honest at the street's scale.
  const nearestFirst = near ? sql`((p.lon - ${query.lon}) * cos(radians(${query.lat})))^2 + (p.lat - ${query.lat})^2,` : sql``;
  const { rows } = await sql<PlaceRow>`
    with buildings as (
      select 'building' as kind, b.id, b.name, e.name as estate_name, c.name as community_name, b.lon, b.lat, b.estate_id
      from area_nodes b
      join area_nodes g on g.id = b.parent_id
      join area_nodes c on c.id = g.parent_id
      left join estates e on e.id = b.estate_id
      where b.level = 'building' and b.retired_at is null
    ),
    estates_found as (
      select 'estate' as kind, e.id, e.name, e.name as estate_name, c.name as community_name, rep.lon, rep.lat, e.id as estate_id
      from estates e
      join area_nodes c on c.id = e.community_id
      cross join lateral (
        select avg(b.lon) as lon, avg(b.lat) as lat from buildings b where b.estate_id = e.id
      ) middle
      cross join lateral (
        select b.lon, b.lat from buildings b
        where b.estate_id = e.id and b.lon is not null
        order by (b.lon - middle.lon)^2 + (b.lat - middle.lat)^2, b.id
        limit 1
      ) rep
      where e.name ilike ${like}
    ),
    places as (
      select * from estates_found
      union all
      select * from buildings where name ilike ${like} or estate_name ilike ${like}
    )
    select p.kind, p.id, p.name, p.estate_name, p.community_name, p.lon, p.lat
    from places p
    order by ${nearestFirst} p.estate_name nulls last, p.kind desc, length(p.name), p.name, p.id
    limit ${query.limit}`.execute(db);
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    name: row.name,
    estateName: row.estate_name,
    communityName: row.community_name,
    lon: row.lon === null ? null : Number(row.lon),
    lat: row.lat === null ? null : Number(row.lat),
  }));
}
