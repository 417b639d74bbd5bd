/**
 * Studios and mediators: staff register mediators (users with a mediation role or outside
 * people) and studios with opening schedules; any signed-in person of the street sees the
 * studios. Slots, bookings and the staff calendar are in bookings.service.ts.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest, forbidden } from '../../platform/http/errors.ts';
import { maskPhone } from '../../platform/security/masking.ts';
import type { Actor } from '../access/access.policy.ts';
import { canManageAt, readScopes } from './mediation.policy.ts';
import { type Db, nodeOf, streetOf } from './mediation.shared.ts';
import { scheduleProblem } from './studio-schedule.ts';
import type { mediatorBody, studioBody } from './studios.schemas.ts';

/** Staff act at a node they manage; a node outside every scope of theirs is "not found". */
async function managedNode(db: Db, actor: Actor, nodeId: string) {
  const node = await nodeOf(db, nodeId);
  const readable = readScopes(actor).some((scope) => node.path.startsWith(scope) || scope.startsWith(node.path));
  if (!readable) throw badRequest('NODE_NOT_FOUND', 'Choose an area.', 'nodeId');
  if (!canManageAt(actor, node.path)) throw forbidden('MEDIATION_FORBIDDEN', 'You may not manage mediation here.');
  return node;
}

export async function createMediator(db: Db, actor: Actor, body: z.infer<typeof mediatorBody>) {
  const node = await managedNode(db, actor, body.nodeId);
  let name = body.name;
  if (body.userId) {
    const user = await db
      .selectFrom('users as u')
      .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
      .innerJoin('role_permissions as rp', 'rp.role', 'ra.role')
      .select(['u.id', 'u.display_name'])
      .where('u.id', '=', body.userId)
      .where('u.street_id', '=', streetOf(node))
      .where('rp.permission', '=', 'mediation.manage')
      .executeTakeFirst();
    if (!user) throw badRequest('MEDIATOR_USER', 'Choose a user of this street who holds a mediation role.', 'userId');
    name ??= user.display_name;
  }
  const row = await db
    .insertInto('mediators')
    .values({
      street_id: streetOf(node),
      node_id: node.id,
      user_id: body.userId ?? null,
      name: name as string,
      kind: body.kind,
      phone: body.phone ?? null,
      affiliation: body.affiliation ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await listMediators(db, actor)).items.find((m) => m.id === row.id) as MediatorView;
}

type MediatorView = Awaited<ReturnType<typeof listMediators>>['items'][number];

export async function listMediators(db: Db, actor: Actor) {
  const scopes = readScopes(actor);
  if (scopes.length === 0) return { items: [] };
  const rows = await db
    .selectFrom('mediators as m')
    .innerJoin('area_nodes as n', 'n.id', 'm.node_id')
    .select(['m.id', 'm.node_id', 'n.name as node_name', 'n.path', 'm.user_id', 'm.name', 'm.kind', 'm.phone', 'm.affiliation'])
    .where('m.retired_at', 'is', null)
    // Mediators of the reader's scope and of the levels above it, who may come down to mediate.
    .where((eb) =>
      eb.or(scopes.flatMap((scope) => [eb('n.path', 'like', `${scope}%`), sql<boolean>`${scope}::text like n.path || '%'`])),
    )
    .orderBy('n.path')
    .orderBy('m.name')
    .execute();
  return {
    items: rows.map((m) => ({
      id: m.id,
      nodeId: m.node_id,
      nodeName: m.node_name,
      userId: m.user_id,
      name: m.name,
      kind: m.kind,
      phone: canManageAt(actor, m.path) ? m.phone : maskPhone(m.phone),
      affiliation: m.affiliation,
    })),
  };
}

export async function studioViews(db: Db, where: { streetId?: string; id?: string }) {
  let q = db
    .selectFrom('mediation_studios as s')
    .innerJoin('area_nodes as n', 'n.id', 's.node_id')
    .select(['s.id', 's.street_id', 's.node_id', 'n.name as node_name', 'n.path', 's.name', 's.address', 's.schedule'])
    .where('s.retired_at', 'is', null);
  if (where.streetId) q = q.where('s.street_id', '=', where.streetId);
  if (where.id) q = q.where('s.id', '=', where.id);
  const studios = await q.orderBy('n.path').orderBy('s.name').execute();
  const mediators =
    studios.length === 0
      ? []
      : await db
          .selectFrom('mediation_studio_mediators as sm')
          .innerJoin('mediators as m', 'm.id', 'sm.mediator_id')
          .select(['sm.studio_id', 'm.id', 'm.name', 'm.kind'])
          .where(
            'sm.studio_id',
            'in',
            studios.map((s) => s.id),
          )
          .orderBy('m.name')
          .execute();
  return studios.map((s) => ({
    id: s.id,
    streetId: s.street_id,
    path: s.path,
    nodeId: s.node_id,
    nodeName: s.node_name,
    name: s.name,
    address: s.address,
    schedule: s.schedule.map((h) => ({ ...h, mediatorId: h.mediatorId ?? null })),
    mediators: mediators.filter((m) => m.studio_id === s.id).map(({ id, name, kind }) => ({ id, name, kind })),
  }));
}

const publicStudio = ({ streetId: _s, path: _p, ...studio }: Awaited<ReturnType<typeof studioViews>>[number]) => studio;

export async function createStudio(db: Db, actor: Actor, body: z.infer<typeof studioBody>) {
  const node = await managedNode(db, actor, body.nodeId);
  const problem = scheduleProblem(body.schedule);
  if (problem) throw badRequest('STUDIO_SCHEDULE', problem.message, problem.field);
  const streetId = streetOf(node);
  const mediatorIds = [...new Set([...body.mediatorIds, ...body.schedule.flatMap((h) => (h.mediatorId ? [h.mediatorId] : []))])];
  if (mediatorIds.length > 0) {
    const found = await db
      .selectFrom('mediators')
      .select('id')
      .where('id', 'in', mediatorIds)
      .where('street_id', '=', streetId)
      .where('retired_at', 'is', null)
      .execute();
    const missing = mediatorIds.find((id) => !found.some((m) => m.id === id));
    if (missing) throw badRequest('MEDIATOR_NOT_FOUND', `Mediator ${missing} is not one of this street.`, 'mediatorIds');
  }
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('mediation_studios')
      .values({
        street_id: streetId,
        node_id: node.id,
        name: body.name,
        address: body.address,
        schedule: JSON.stringify(body.schedule),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (mediatorIds.length > 0) {
      await trx
        .insertInto('mediation_studio_mediators')
        .values(mediatorIds.map((mediator_id) => ({ studio_id: row.id, mediator_id })))
        .execute();
    }
    return row.id;
  });
  return publicStudio((await studioViews(db, { id }))[0] as Awaited<ReturnType<typeof studioViews>>[number]);
}

/** The studios of the reader's street: residents choose where to book. */
export async function listStudios(db: Db, actor: Actor) {
  if (!actor.streetId) return { items: [] };
  return listOpenStudios(db, actor.streetId);
}

/**
 * Open studios as a notice board shows them (names, hours, mediators by name and kind), of one
 * street or every street: the public page shows them to a resident before they have an account.
 */
export async function listOpenStudios(db: Db, streetId?: string) {
  return { items: (await studioViews(db, streetId ? { streetId } : {})).map(publicStudio) };
}
