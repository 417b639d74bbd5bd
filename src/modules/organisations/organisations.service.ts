import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB, OrganisationKind } from '../../platform/db/schema.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { authorize } from '../access/authorize.ts';
import { findNode } from '../areas/areas.repository.ts';
import * as repo from './organisations.repository.ts';

const READ = 'organisations.read';
const MANAGE = 'organisations.manage';

/** An organisation serves everything under the area it is attached to: those below it see it too. */
const canSee = (actor: Actor, orgPath: string) =>
  can(actor, READ, orgPath) || scopePathsFor(actor, READ).some((scope) => scope.startsWith(orgPath));

export async function getOrganisation(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findOrganisation(db, id);
  if (!row || !canSee(actor, row.path)) throw notFound('Organisation');
  return row;
}

export async function listOrganisations(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    nodeId?: string | undefined;
    kind?: OrganisationKind | undefined;
    q?: string | undefined;
    after?: { name: string; id: string } | undefined;
    limit: number;
  },
) {
  let underPath: string | undefined;
  if (input.nodeId) {
    const node = await findNode(db, input.nodeId);
    if (!node || !can(actor, 'areas.read', node.path)) throw notFound('Area');
    underPath = node.path;
  }
  return repo.listOrganisations(db, { ...input, underPath, scopePaths: scopePathsFor(actor, READ) });
}

async function attachableNode(db: Kysely<DB>, actor: Actor, nodeId: string) {
  const node = await findNode(db, nodeId);
  if (!node || !can(actor, 'areas.read', node.path)) throw badRequest('AREA_NOT_FOUND', 'Choose an existing area.', 'nodeId');
  authorize(actor, MANAGE, node.path, 'Area', 'areas.read');
  return node;
}

export async function createOrganisation(
  db: Kysely<DB>,
  actor: Actor,
  input: { nodeId: string; kind: OrganisationKind; name: string; code: string; contactPhone?: string | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const node = await attachableNode(trx, actor, input.nodeId);
    const { id } = await trx
      .insertInto('organisations')
      .values({
        street_id: node.level === 'street' ? node.id : node.street_id,
        node_id: node.id,
        kind: input.kind,
        name: input.name,
        code: input.code,
        contact_phone: input.contactPhone ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: node.street_id ?? node.id,
      entityType: 'organisation',
      entityId: id,
      type: 'organisation.created',
      actorUserId: actor.userId,
      data: { kind: input.kind, name: input.name },
    });
    return id;
  });
}

export async function updateOrganisation(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  changes: {
    name?: string | undefined;
    code?: string | undefined;
    contactPhone?: string | null | undefined;
    retired?: boolean | undefined;
  },
) {
  await db.transaction().execute(async (trx) => {
    const row = await getOrganisation(trx, actor, id);
    if (!can(actor, MANAGE, row.path)) throw forbidden('FORBIDDEN', `Your roles do not allow this (${MANAGE}).`);
    await trx
      .updateTable('organisations')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.code !== undefined ? { code: changes.code } : {}),
        ...(changes.contactPhone !== undefined ? { contact_phone: changes.contactPhone } : {}),
        ...(changes.retired !== undefined ? { retired_at: changes.retired ? new Date() : null } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: row.street_id,
      entityType: 'organisation',
      entityId: id,
      type: changes.retired ? 'organisation.retired' : 'organisation.updated',
      actorUserId: actor.userId,
      data: changes,
    });
  });
}

export async function listEstates(db: Kysely<DB>, actor: Actor, communityId?: string) {
  return repo.listEstates(db, scopePathsFor(actor, 'areas.read'), communityId);
}

export async function getEstate(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findEstate(db, id);
  if (!row || !can(actor, 'areas.read', row.path)) throw notFound('Estate');
  return row;
}

async function propertyCompany(db: Kysely<DB>, actor: Actor, id: string) {
  const company = await repo.findOrganisation(db, id);
  if (company?.kind !== 'property_company' || !can(actor, READ, company.path)) {
    throw badRequest('PROPERTY_COMPANY_NOT_FOUND', 'Choose an existing property company.', 'propertyCompanyId');
  }
  return company;
}

export async function createEstate(
  db: Kysely<DB>,
  actor: Actor,
  input: { communityId: string; name: string; propertyCompanyId?: string | undefined },
) {
  return db.transaction().execute(async (trx) => {
    const community = await findNode(trx, input.communityId);
    if (community?.level !== 'community' || !can(actor, 'areas.read', community.path)) {
      throw badRequest('COMMUNITY_NOT_FOUND', 'Choose an existing community.', 'communityId');
    }
    authorize(actor, 'areas.manage', community.path, 'Community', 'areas.read');
    if (input.propertyCompanyId) await propertyCompany(trx, actor, input.propertyCompanyId);
    const { id } = await trx
      .insertInto('estates')
      .values({
        street_id: community.street_id as string,
        community_id: community.id,
        name: input.name,
        property_company_id: input.propertyCompanyId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      streetId: community.street_id,
      entityType: 'estate',
      entityId: id,
      type: 'estate.created',
      actorUserId: actor.userId,
      data: { name: input.name, propertyCompanyId: input.propertyCompanyId ?? null },
    });
    return id;
  });
}

export async function updateEstate(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  changes: { name?: string | undefined; propertyCompanyId?: string | null | undefined },
) {
  await db.transaction().execute(async (trx) => {
    const estate = await repo.findEstate(trx, id);
    if (!estate || !can(actor, 'areas.read', estate.path)) throw notFound('Estate');
    authorize(actor, 'areas.manage', estate.path, 'Estate', 'areas.read');
    if (changes.propertyCompanyId) await propertyCompany(trx, actor, changes.propertyCompanyId);
    await trx
      .updateTable('estates')
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.propertyCompanyId !== undefined ? { property_company_id: changes.propertyCompanyId } : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      streetId: estate.street_id,
      entityType: 'estate',
      entityId: id,
      type: 'estate.updated',
      actorUserId: actor.userId,
      data: changes,
    });
  });
}
