import { z } from 'zod';
import { type App, type AppContext, responses, WRITE_ERRORS } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import {
  calendarDaySchema,
  calendarStatusSchema,
  dateParams,
  publishedYearSchema,
  publishYearBody,
  setDayBody,
  streetQuery,
  yearParams,
  yearScheduleSchema,
} from './calendar.schemas.ts';
import * as calendar from './calendar.service.ts';

const tags = ['calendar'];

export function calendarRoutes(app: App, { database, config }: AppContext) {
  const { db } = database;

  app.get(
    '/calendar/status',
    {
      schema: {
        tags,
        summary: "Today's local date, the years with a known schedule, and whether next year's needs entering",
        response: responses({ 200: calendarStatusSchema }, [401]),
      },
    },
    async (request) => {
      requireActor(request);
      return calendar.calendarStatus(db, config.timeZone);
    },
  );

  app.get(
    '/calendar/years/:year',
    {
      schema: {
        tags,
        summary: "A year's holidays and make-up workdays, national or as they apply to one street",
        params: yearParams,
        querystring: streetQuery,
        response: responses({ 200: yearScheduleSchema }, [400, 401, 403, 404]),
      },
    },
    async (request) => calendar.yearSchedule(db, requireActor(request), request.params.year, request.query.streetId),
  );

  app.put(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Make a date a holiday or a working day, nationally or for one street',
        params: dateParams,
        body: setDayBody,
        response: responses({ 200: calendarDaySchema }, WRITE_ERRORS),
      },
    },
    async (request) => calendar.setDay(db, requireActor(request), request.params.date, request.body),
  );

  app.delete(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        summary: "Remove a date's entry, nationally or from one street's calendar",
        params: dateParams,
        querystring: streetQuery,
        response: responses({ 204: z.null() }, WRITE_ERRORS),
      },
    },
    async (request, reply) => {
      await calendar.removeDay(db, requireActor(request), request.params.date, request.query.streetId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/calendar/years/:year/publish',
    {
      schema: {
        tags,
        summary: "Mark a year's schedule as entered in full; provisional deadlines reaching into it are recomputed",
        params: yearParams,
        body: publishYearBody,
        response: responses({ 200: publishedYearSchema }, WRITE_ERRORS),
      },
    },
    async (request) => calendar.publishYear(db, requireActor(request), request.params.year, request.body?.streetId),
  );
}
