import { type App, type AppContext, responses } from '../../platform/http/app-types.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { gridStatsResponse, overviewSchema, statsQuery } from './stats.schemas.ts';
import { gridStats, overview, type StatsDeps } from './stats.service.ts';

const tags = ['stats'];

export function statsRoutes(app: App, context: AppContext) {
  const { database, config } = context;
  indicatorRoutes(app, context);
  const deps: StatsDeps = { db: database.db, timeZone: config.timeZone };

  app.get(
    '/stats/grids',
    {
      schema: {
        tags,
        summary: 'Per grid under a node: open, overdue and due-soon cases now; received and resolved in the last 30 days',
        querystring: statsQuery,
        response: responses({ 200: gridStatsResponse }, [400, 401, 403, 404]),
      },
    },
    async (request) => gridStats(deps, requireActor(request), request.query.nodeId),
  );

  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary: "A node's headline figures: today's intake, open, overdue, on-time rate, satisfaction, 30-day trend",
        querystring: statsQuery,
        response: responses({ 200: overviewSchema }, [400, 401, 403, 404]),
      },
    },
    async (request) => overview(deps, requireActor(request), request.query.nodeId),
  );
}
