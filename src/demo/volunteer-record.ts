/**
 * What the volunteering history collects as it is planned, in the shape the live services write
 * it: events on each record's timeline, notifications, and time served that becomes points.
 */
import { randomUUID } from 'node:crypto';
import type { Source } from '../modules/points/points-rules.ts';

export interface PlannedEvent {
  entity_type: string;
  entity_id: string;
  type: string;
  actor_user_id: string | null;
  at: Date;
  data: Record<string, unknown>;
}

export interface PlannedNotice {
  user_id: string;
  kind: string;
  at: Date;
  data: Record<string, unknown>;
}

/** Time served by one person for one record: service_hours, and the points it earns. */
export interface PlannedCredit {
  id: string;
  userId: string;
  source: Source;
  sourceId: string;
  minutes: number;
  servedAt: Date;
  recordedBy: string | null;
}

export class VolunteerRecord {
  readonly events: PlannedEvent[] = [];
  readonly notices: PlannedNotice[] = [];
  readonly credits: PlannedCredit[] = [];

  constructor(readonly now: Date) {}

  event(entityType: string, entityId: string, type: string, actor: string | null, at: Date, data: Record<string, unknown> = {}) {
    this.events.push({ entity_type: entityType, entity_id: entityId, type, actor_user_id: actor, at, data });
  }

  notify(users: Iterable<string | null | undefined>, kind: string, at: Date, data: Record<string, unknown> = {}) {
    for (const user of new Set(users)) if (user) this.notices.push({ user_id: user, kind, at, data });
  }

  credit(credit: Omit<PlannedCredit, 'id'>): PlannedCredit {
    const planned = { ...credit, id: randomUUID() };
    this.credits.push(planned);
    return planned;
  }

  /** Before now: what has happened; a time still to come has not. */
  happened = (at: Date) => at.getTime() <= this.now.getTime();
}
