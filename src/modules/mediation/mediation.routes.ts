import type { App, AppContext } from '../../platform/http/app-types.ts';
import { registerPhotoAccess } from '../photos/photos.service.ts';
import { agreementRoutes } from './agreements.routes.ts';
import { disputeRoutes } from './disputes.routes.ts';
import { type MediationDeps, readableDispute } from './mediation.shared.ts';
import { studioRoutes } from './studios.routes.ts';

/** People's mediation: studios and bookings, dispute files and their sessions, agreements and follow-up. */
export function mediationRoutes(app: App, context: AppContext) {
  const deps: MediationDeps = { db: context.database.db, timeZone: context.config.timeZone };
  // Evidence photos of a session are shown to whoever may read the dispute.
  registerPhotoAccess('dispute', async (database, actor, disputeId) => {
    if (!actor) return false;
    return readableDispute(database, actor, disputeId).then(
      () => true,
      () => false,
    );
  });
  studioRoutes(app, deps);
  disputeRoutes(app, deps);
  agreementRoutes(app, deps);
}
