import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import * as teams from './teams.service.ts';
import { areasToJoin } from './volunteer-links.service.ts';
import {
  approveBody,
  areaChoiceSchema,
  declineBody,
  listTeamsQuery,
  listVolunteersQuery,
  moveToTeamBody,
  profileSchema,
  registerBody,
  teamBody,
  teamPatchBody,
  teamSchema,
  volunteerSchema,
} from './volunteers.schemas.ts';
import * as volunteers from './volunteers.service.ts';

const tags = ['volunteers'];

/** Volunteers: registration, approval into teams, the profile with hours and points. */
export function volunteersRoutes(app: App, context: AppContext) {
  const { db } = context.database;
  app.get(
    '/volunteers/areas',
    {
      schema: {
        tags,
        summary: 'The communities of my street and their grids, to register in',
        response: responses({ 200: itemsOf(areaChoiceSchema) }, [401]),
      },
    },
    async (request) => areasToJoin(db, requireActor(request)),
  );
  app.post(
    '/volunteers/register',
    {
      schema: {
        tags,
        summary: 'Register as a volunteer with skills, times and area; the community approves',
        body: registerBody,
        response: responses({ 201: volunteerSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await volunteers.register(db, requireActor(request), request.body)),
  );
  app.get(
    '/volunteers/me',
    {
      schema: {
        tags,
        summary: 'My registration, hours, points, services and attendance',
        response: responses({ 200: profileSchema }, [401]),
      },
    },
    async (request) => volunteers.myProfile(db, requireActor(request)),
  );
  app.get(
    '/volunteers',
    {
      schema: {
        tags,
        summary: 'Volunteers of my area (Ping An Partners among them), latest registration first',
        querystring: listVolunteersQuery,
        response: responses({ 200: pageSchema(volunteerSchema) }, [400, 401]),
      },
    },
    async (request) => volunteers.listVolunteers(db, requireActor(request), request.query),
  );
  app.get(
    '/volunteers/teams',
    {
      schema: {
        tags,
        summary: 'Volunteer teams of my area',
        querystring: listTeamsQuery,
        response: responses({ 200: itemsOf(teamSchema) }, [400, 401]),
      },
    },
    async (request) => teams.listTeams(db, requireActor(request), request.query),
  );
  app.post(
    '/volunteers/teams',
    {
      schema: {
        tags,
        summary: 'Form a team in a community',
        body: teamBody,
        response: responses({ 201: teamSchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await teams.createTeam(db, requireActor(request), request.body)),
  );
  app.patch(
    '/volunteers/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or change its leader',
        params: idParams,
        body: teamPatchBody,
        response: responses({ 200: teamSchema }, WRITE_ERRORS),
      },
    },
    async (request) => teams.updateTeam(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/volunteers/:id',
    {
      schema: {
        tags,
        summary: 'A volunteer (the phone in full for a manager, audited)',
        params: idParams,
        response: responses({ 200: volunteerSchema }),
      },
    },
    async (request) => volunteers.getVolunteer(db, requireActor(request), request.params.id, request.ip),
  );
  app.post(
    '/volunteers/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a registration',
        params: idParams,
        body: approveBody,
        response: responses({ 200: volunteerSchema }, WRITE_ERRORS),
      },
    },
    async (request) => volunteers.approve(db, requireActor(request), request.params.id, request.body.teamId),
  );
  app.post(
    '/volunteers/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a registration with a reason the applicant reads',
        params: idParams,
        body: declineBody,
        response: responses({ 200: volunteerSchema }, WRITE_ERRORS),
      },
    },
    async (request) => volunteers.decline(db, requireActor(request), request.params.id, request.body.reason),
  );
  app.post(
    '/volunteers/:id/team',
    {
      schema: {
        tags,
        summary: 'Move an approved volunteer to a team (or none)',
        params: idParams,
        body: moveToTeamBody,
        response: responses({ 200: volunteerSchema }, WRITE_ERRORS),
      },
    },
    async (request) => volunteers.moveToTeam(db, requireActor(request), request.params.id, request.body.teamId),
  );
}
