import { z } from 'zod';
import { type App, type AppContext, idParams, responses } from '../../platform/http/app-types.ts';
import { decodeCursor, pageSchema, toPage } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { Assignment } from '../access/access.policy.ts';
import { auditUnmaskedRead } from '../audit/audit.repository.ts';
import type { UserRow } from './users.repository.ts';
import { createUserBody, listUsersQuery, roleGrant, roleParams, updateUserBody, userSchema } from './users.schemas.ts';
import * as users from './users.service.ts';

const tags = ['users'];
const writeErrors = [400, 401, 403, 404, 409] as const;

const presentUser = ({ user, roles }: { user: UserRow; roles: Assignment[] }): z.infer<typeof userSchema> => ({
  id: user.id,
  username: user.username,
  displayName: user.display_name,
  phone: user.phone,
  disabled: user.disabled_at !== null,
  lockedUntil: user.locked_until,
  roles: roles.map((a) => ({
    id: a.id,
    role: a.role,
    nodeId: a.nodeId,
    organisationId: a.organisationId,
    scopeName: a.scopeName,
    scopeLevel: a.scopeLevel,
  })),
});

export function usersRoutes(app: App, { database }: AppContext) {
  const { db } = database;

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Accounts whose roles lie in my scope',
        querystring: listUsersQuery,
        response: responses({ 200: pageSchema(userSchema) }, [400, 401, 403]),
      },
    },
    async (request) => {
      const { cursor, ...query } = request.query;
      const actor = requireActor(request);
      const rows = await users.listUsers(db, actor, { ...query, after: decodeCursor(cursor, z.string()) });
      // Account phones are shown to those who administer accounts; each list that shows them is audited.
      await auditUnmaskedRead(
        db,
        actor,
        'user',
        rows
          .slice(0, query.limit)
          .filter((row) => row.user.phone)
          .map((row) => row.user.id),
      );
      return toPage(rows, query.limit, presentUser, (row) => row.user.username);
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One account with its roles', params: idParams, response: responses({ 200: userSchema }) } },
    async (request) => {
      const actor = requireActor(request);
      const user = await users.getUser(db, actor, request.params.id);
      if (user.user.phone) await auditUnmaskedRead(db, actor, 'user', [user.user.id]);
      return presentUser(user);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create an account, optionally with roles',
        body: createUserBody,
        response: responses({ 201: userSchema }, writeErrors),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await users.createUser(db, actor, request.body, request.ip);
      return reply.status(201).send(presentUser(await users.getUser(db, actor, id)));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, disable, unlock or reset the password of an account',
        params: idParams,
        body: updateUserBody,
        response: responses({ 200: userSchema }, writeErrors),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await users.updateUser(db, actor, request.params.id, request.body, request.ip);
      return presentUser(await users.getUser(db, actor, request.params.id));
    },
  );

  app.post(
    '/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Grant a role at an area or organisation',
        params: idParams,
        body: roleGrant,
        response: responses({ 200: userSchema }, writeErrors),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await users.grantRole(db, actor, request.params.id, request.body, request.ip);
      return presentUser(await users.getUser(db, actor, request.params.id));
    },
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    { schema: { tags, summary: 'Revoke a role', params: roleParams, response: responses({ 200: userSchema }, writeErrors) } },
    async (request) => {
      const actor = requireActor(request);
      await users.revokeRole(db, actor, request.params.id, request.params.assignmentId, request.ip);
      return presentUser(await users.getUser(db, actor, request.params.id));
    },
  );
}
