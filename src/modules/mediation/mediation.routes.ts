import type { App, AppContext } from '../../platform/http/app-types.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { agreementRoutes } from './agreements.routes.ts';
import { disputeRoutes } from './disputes.routes.ts';
import { type MediationDeps, readableDispute } from './mediation.shared.ts';
import { publicStudioRoutes } from './public-studios.routes.ts';
import { studioRoutes } from './studios.routes.ts';

/** People's mediation: studios and bookings, dispute files and their sessions, agreements and follow-up. */
export function mediationRoutes(app: App, context: AppContext) {
  const deps: MediationDeps = { db: context.database.db, timeZone: context.config.timeZone };
  // Evidence photos of a session are shown to whoever may read its dispute.
  registerPhotoAccess('dispute_session', async (database, actor, sessionId) => {
    const session = await database
      .selectFrom('dispute_sessions')
      .select('dispute_id')
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!actor || !session) return false;
    return readableDispute(database, actor, session.dispute_id).then(
      () => true,
      () => false,
    );
  });
  studioRoutes(app, deps);
  publicStudioRoutes(app, deps);
  disputeRoutes(app, deps);
  agreementRoutes(app, deps);
}
