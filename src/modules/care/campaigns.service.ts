/**
 * Festival visit campaigns (Spring Festival, Double Ninth, Army Day ...): the street or a
 * community names the groups to visit and the days; every active file of those groups in its
 * area is a target, and a visit logged for the campaign counts it visited. Progress is counted
 * within the reader's own scope, so a grid worker sees their grid's share. No names: a campaign
 * is read by anyone with a care permission over its area or under it.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { canRunCampaignAt, canSeeCampaign, careScopes } from './care.policy.ts';
import type { campaignBody } from './care.schemas.ts';
import { type CareDeps, type Db, nodeOf, nowOf, streetOf, todayOf } from './care.shared.ts';
import { nodeNames } from './figures.service.ts';

type CampaignRow = Awaited<ReturnType<ReturnType<typeof campaignRows>['execute']>>[number];

function campaignRows(db: Db) {
  return db
    .selectFrom('care_campaigns as c')
    .innerJoin('area_nodes as n', 'n.id', 'c.node_id')
    .selectAll('c')
    .select('n.name as node_name');
}

/** Where within a campaign's area the reader counts: the campaign's area, or the reader's narrower scopes inside it. */
function progressPaths(actor: Actor, nodePath: string): string[] {
  return careScopes(actor).flatMap((scope) =>
    scope.startsWith(nodePath) ? [scope] : nodePath.startsWith(scope) ? [nodePath] : [],
  );
}

async function progressOf(db: Db, row: CampaignRow, paths: string[], key = sql<string>`'all'`) {
  if (paths.length === 0) return [];
  const inScope = sql.join(
    paths.map((path) => sql`f.location_path like ${`${path}%`}`),
    sql` or `,
  );
  const { rows } = await sql<{ key: string; targets: number; visited: number }>`
    select ${key} as key, count(*) as targets,
      count(*) filter (where exists (select 1 from care_visits v where v.file_id = f.id and v.campaign_id = ${row.id})) as visited
    from care_files f
    where f.status = 'active' and (${inScope}) and f.groups && ${sql.val(row.groups)}::text[]
    group by 1 order by 1`.execute(db);
  return rows.map((r) => {
    const targets = Number(r.targets);
    const visited = Number(r.visited);
    return { key: r.key, targets, visited, rate: targets === 0 ? null : Math.round((visited / targets) * 10_000) / 10_000 };
  });
}

async function present(db: Db, actor: Actor, row: CampaignRow, today: string) {
  const [all] = await progressOf(db, row, progressPaths(actor, row.node_path));
  return {
    id: row.id,
    nodeId: row.node_id,
    nodeName: row.node_name,
    name: row.name,
    festival: row.festival,
    groups: row.groups,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    stage: today < row.starts_on ? ('upcoming' as const) : today > row.ends_on ? ('ended' as const) : ('running' as const),
    progress: all ? { targets: all.targets, visited: all.visited, rate: all.rate } : { targets: 0, visited: 0, rate: null },
    createdAt: row.created_at,
  };
}

export async function listCampaigns(deps: CareDeps, actor: Actor) {
  const scopes = careScopes(actor);
  if (scopes.length === 0) return { items: [] };
  // Campaigns on the reader's area or above it (its ancestors' paths are prefixes of the scope), or inside it.
  const rows = await campaignRows(deps.db)
    .where((eb) =>
      eb.or(
        scopes.flatMap((scope) => [
          eb('c.node_path', 'like', `${scope}%`),
          eb(sql.val(scope), 'like', sql<string>`c.node_path || '%'`),
        ]),
      ),
    )
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.id')
    .limit(100)
    .execute();
  const today = todayOf(deps);
  return { items: await Promise.all(rows.map((row) => present(deps.db, actor, row, today))) };
}

export async function getCampaign(deps: CareDeps, actor: Actor, id: string) {
  const row = await campaignRows(deps.db).where('c.id', '=', id).executeTakeFirst();
  if (!row || !canSeeCampaign(actor, row.node_path)) throw notFound('Campaign');
  const depth = row.node_path.split('/').filter(Boolean).length;
  const byChild = await progressOf(
    deps.db,
    row,
    progressPaths(actor, row.node_path),
    sql<string>`split_part(f.location_path, '/', ${sql.lit(depth + 2)})`,
  );
  const names = await nodeNames(
    deps.db,
    byChild.map((r) => r.key),
  );
  return {
    ...(await present(deps.db, actor, row, todayOf(deps))),
    rows: byChild
      .map(({ key, ...figures }) => ({ nodeId: key, nodeName: names[key] ?? key, ...figures }))
      .sort((a, b) => a.nodeName.localeCompare(b.nodeName, 'zh-CN')),
  };
}

export async function createCampaign(deps: CareDeps, actor: Actor, body: z.infer<typeof campaignBody>) {
  const { db } = deps;
  const node = await nodeOf(db, body.nodeId);
  if (!canSeeCampaign(actor, node.path)) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
  if (node.level !== 'street' && node.level !== 'community') {
    throw badRequest('CARE_CAMPAIGN_NODE_LEVEL', 'A campaign is run by the street or a community.', 'nodeId');
  }
  if (!canRunCampaignAt(actor, node.path)) throw forbidden('CARE_FORBIDDEN', 'You may not run campaigns here.');
  const streetId = streetOf(node);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('care_campaigns')
      .values({
        street_id: streetId,
        node_id: node.id,
        node_path: node.path,
        name: body.name,
        festival: body.festival,
        groups: body.groups,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        note: body.note ?? null,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId,
      entityType: 'care_campaign',
      entityId: row.id,
      type: 'care.campaign_created',
      actorUserId: actor.userId,
      at: nowOf(deps),
      data: { name: body.name, festival: body.festival, groups: body.groups },
    });
    return row.id;
  });
  return getCampaign(deps, actor, id);
}
