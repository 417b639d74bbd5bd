import { type App, type AppContext, idParams, itemsOf, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { pageSchema } from '../../platform/http/pagination.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import {
  activityBody,
  activityPatchBody,
  activitySchema,
  activitySummarySchema,
  attendanceBody,
  checkinBody,
  checkinCodeSchema,
  checkinSchema,
  listActivitiesQuery,
  moveBody,
  reportBody,
  signupSchema,
} from './activities.schemas.ts';
import * as activities from './activities.service.ts';
import { type ActivityDeps, visibleActivity } from './activities.shared.ts';
import * as checkin from './checkin.service.ts';
import * as signups from './signups.service.ts';

const tags = ['activities'];

export const activityDepsOf = (context: AppContext): ActivityDeps => ({
  db: context.database.db,
  timeZone: context.config.timeZone,
});

/** Activities and courses: sessions, sign-up with a waitlist, QR check-in, attendance, report and photos. */
export function activitiesRoutes(app: App, context: AppContext) {
  const deps = activityDepsOf(context);
  // An activity's photos are shown to whoever may see the activity.
  registerPhotoAccess('activity', async (db, actor, id) =>
    actor
      ? visibleActivity(db, actor, id).then(
          () => true,
          () => false,
        )
      : false,
  );
  app.get(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Activities open to me in my street, those I run (scope=managed), or those I signed up for (scope=mine)',
        querystring: listActivitiesQuery,
        response: responses({ 200: pageSchema(activitySummarySchema) }, [400, 401]),
      },
    },
    async (request) => activities.listActivities(deps, requireActor(request), request.query),
  );
  app.post(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Create an activity with its sessions, or a course from its weekly pattern',
        body: activityBody,
        response: responses({ 201: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request, reply) => reply.status(201).send(await activities.createActivity(deps, requireActor(request), request.body)),
  );
  app.get(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'An activity: sessions, my sign-up and place on the waitlist, figures, report, photos',
        params: idParams,
        response: responses({ 200: activitySchema }),
      },
    },
    async (request) => activities.getActivity(deps, requireActor(request), request.params.id),
  );
  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change details or capacity (more places move people up from the waitlist)',
        params: idParams,
        body: activityPatchBody,
        response: responses({ 200: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request) => activities.updateActivity(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/activities/:id/move',
    {
      schema: {
        tags,
        summary: 'Publish, finish or cancel (with a reason, told to everyone signed up)',
        params: idParams,
        body: moveBody,
        response: responses({ 200: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request) =>
      activities.moveActivity(deps, requireActor(request), request.params.id, request.body.to, request.body.reason),
  );
  app.post(
    '/activities/:id/report',
    {
      schema: {
        tags,
        summary: 'The short report with photos',
        params: idParams,
        body: reportBody,
        response: responses({ 200: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request) => activities.reportActivity(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/activities/:id/signup',
    {
      schema: {
        tags,
        summary: 'Sign up: a place while there is one, else the waitlist; eligibility checked',
        params: idParams,
        response: responses({ 200: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request) => signups.signUp(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/activities/:id/signup/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel my sign-up; my place goes to the first on the waitlist',
        params: idParams,
        response: responses({ 200: activitySchema }, WRITE_ERRORS),
      },
    },
    async (request) => signups.cancelSignUp(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Everyone signed up: places, the waitlist in order, cancellations',
        params: idParams,
        response: responses({ 200: itemsOf(signupSchema) }, [401, 403, 404]),
      },
    },
    async (request) => signups.listSignups(deps, requireActor(request), request.params.id),
  );
  app.get(
    '/activities/sessions/:id/checkin-code',
    {
      schema: {
        tags,
        summary: 'What the desk screen shows as a QR code for a session, and who has come',
        params: idParams,
        response: responses({ 200: checkinCodeSchema }, [401, 403, 404]),
      },
    },
    async (request) => checkin.checkinCode(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/activities/sessions/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Check in with the code from the QR link; once per session, while check-in is open',
        params: idParams,
        body: checkinBody,
        response: responses({ 200: checkinSchema }, WRITE_ERRORS),
      },
    },
    async (request) => checkin.checkIn(deps, requireActor(request), request.params.id, request.body.code),
  );
  app.post(
    '/activities/sessions/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Mark a signed-up person present at the desk',
        params: idParams,
        body: attendanceBody,
        response: responses({ 200: checkinSchema }, WRITE_ERRORS),
      },
    },
    async (request) => checkin.markAttendance(deps, requireActor(request), request.params.id, request.body.userId),
  );
}
