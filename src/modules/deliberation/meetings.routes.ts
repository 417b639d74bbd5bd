import { z } from 'zod';
import { type App, idParams, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import type { DelibDeps } from './deliberation.shared.ts';
import { getMeeting, listMeetings } from './meeting-views.service.ts';
import {
  agendaBody,
  attendanceBody,
  checkinBody,
  checkinCodeSchema,
  listMeetingsQuery,
  meetingBody,
  meetingSchema,
  meetingSummarySchema,
  minutesBody,
  resolutionBody,
} from './meetings.schemas.ts';
import {
  addResolution,
  addToAgenda,
  checkIn,
  checkinCode,
  createMeeting,
  markAttendance,
  recordMinutes,
} from './meetings.service.ts';

const tags = ['deliberation'];

export function meetingRoutes(app: App, deps: DelibDeps) {
  app.post(
    '/deliberation/meetings',
    {
      schema: {
        tags,
        summary: 'Call a council, a discussion day (the six parties invited) or an ad-hoc meeting with its agenda',
        body: meetingBody,
        response: responses({ 201: z.object({ id: z.uuid(), number: z.string() }) }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(deps, requireActor(request), request.body)),
  );
  app.get(
    '/deliberation/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings in my scope, latest first',
        querystring: listMeetingsQuery,
        response: responses({ 200: pageSchema(meetingSummarySchema) }, [400, 401]),
      },
    },
    async (request) => listMeetings(deps, requireActor(request), request.query),
  );
  app.get(
    '/deliberation/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting: agenda, invitations, who signed in, minutes, resolutions and their follow-up cases',
        params: idParams,
        response: responses({ 200: meetingSchema }),
      },
    },
    async (request) => getMeeting(deps, requireActor(request), request.params.id),
  );
  const then =
    (work: (id: string, actor: ReturnType<typeof requireActor>) => Promise<unknown>) =>
    async (request: { params: { id: string } } & Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      await work(request.params.id, actor);
      return getMeeting(deps, actor, request.params.id);
    };
  app.post(
    '/deliberation/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Put topics on the agenda; a proposal on it starts being discussed',
        params: idParams,
        body: agendaBody,
        response: responses({ 200: meetingSchema }, WRITE_ERRORS),
      },
    },
    async (request) => then((id, actor) => addToAgenda(deps, actor, id, request.body))(request),
  );
  app.get(
    '/deliberation/meetings/:id/checkin-code',
    {
      schema: {
        tags,
        summary: 'What the room’s screen shows as a QR code, and how many have signed in',
        params: idParams,
        response: responses({ 200: checkinCodeSchema }, [400, 401, 403, 404]),
      },
    },
    async (request) => checkinCode(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/deliberation/meetings/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Sign in by the code of the screen’s QR (once; again answers alreadySignedIn)',
        params: idParams,
        body: checkinBody,
        response: responses(
          {
            200: z.object({
              meetingId: z.uuid(),
              title: z.string(),
              startsAt: z.date(),
              party: z.string(),
              alreadySignedIn: z.boolean(),
            }),
          },
          WRITE_ERRORS,
        ),
      },
    },
    async (request) => checkIn(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/deliberation/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Sign in someone at the desk',
        params: idParams,
        body: attendanceBody,
        response: responses({ 200: meetingSchema }, WRITE_ERRORS),
      },
    },
    async (request) => then((id, actor) => markAttendance(deps, actor, id, request.body))(request),
  );
  app.post(
    '/deliberation/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Record the minutes; the meeting is marked held',
        params: idParams,
        body: minutesBody,
        response: responses({ 200: meetingSchema }, WRITE_ERRORS),
      },
    },
    async (request) => then((id, actor) => recordMinutes(deps, actor, id, request.body))(request),
  );
  app.post(
    '/deliberation/meetings/:id/resolutions',
    {
      schema: {
        tags,
        summary: 'Adopt a resolution with who carries it out and by when; its follow-up task opens as a case',
        params: idParams,
        body: resolutionBody,
        response: responses(
          { 201: z.object({ id: z.uuid(), caseId: z.uuid().nullable(), caseNumber: z.string().nullable() }) },
          WRITE_ERRORS,
        ),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addResolution(deps, requireActor(request), request.params.id, request.body)),
  );
}
