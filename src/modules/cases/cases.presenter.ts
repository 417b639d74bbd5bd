import type { z } from 'zod';
import { maskName, maskPhone } from '../../platform/security/masking.ts';
import type * as repo from './cases.repository.ts';
import type { caseDetailSchema, caseSummarySchema, publicCaseSchema, timelineEventSchema } from './cases.schemas.ts';
import { deadlineStatus } from './deadlines.ts';
import { ACTIVE_STATES, type CaseAction, type CaseState } from './lifecycle.ts';

type Summary = z.infer<typeof caseSummarySchema>;
type Detail = z.infer<typeof caseDetailSchema>;
type TimelineRow = Awaited<ReturnType<typeof repo.timelineOf>>[number];
type ContactRow = Awaited<ReturnType<typeof repo.contactsOf>>[number];

export function presentSummary(row: repo.CaseRow, now: Date): Summary {
  return {
    id: row.id,
    number: row.number,
    state: row.state,
    tier: row.tier,
    source: row.source,
    kind: row.kind,
    priority: row.priority,
    categoryId: row.category_id,
    categoryCode: row.category_code,
    title: row.title,
    address: row.address,
    lon: row.lon,
    lat: row.lat,
    gridId: row.grid_id,
    gridName: row.grid_name,
    communityId: row.community_id,
    assignee: {
      userId: row.assignee_user_id,
      organisationId: row.assignee_org_id,
      name: row.assignee_user_name ?? row.assignee_org_name ?? null,
    },
    deadline: {
      kind: row.deadline_kind,
      dueAt: row.due_at,
      dueDate: row.due_date,
      provisional: row.due_provisional,
      warnAt: row.warn_at,
      status: deadlineStatus({ dueAt: row.due_at, warnAt: row.warn_at, stopped: !ACTIVE_STATES.includes(row.state) }, now),
      everOverdue: row.ever_overdue,
      remainingWorkingDays: row.remaining_working_days,
    },
    rating: row.rating,
    urgeCount: row.urge_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentTimeline(rows: TimelineRow[]): z.infer<typeof timelineEventSchema>[] {
  return rows.map((row) => {
    const { from, to, note, ...data } = row.data as { from?: CaseState | null; to?: CaseState | null; note?: string | null };
    return {
      id: row.id,
      type: row.type,
      at: row.at,
      actor: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_name ?? '' } : null,
      from: from ?? null,
      to: to ?? null,
      note: note ?? null,
      data,
    };
  });
}

export interface DetailExtras {
  now: Date;
  timeline: TimelineRow[];
  contacts: ContactRow[];
  photos: { id: string; url: string; thumbnailUrl: string }[];
  allowedActions: CaseAction[];
  /** The caller reported the case (or a duplicate merged into it). */
  isReporter: boolean;
  /** The caller must call the reporter back: contact details in full. */
  contactUnmasked: boolean;
}

export function presentDetail(row: repo.CaseRow, extras: DetailExtras): Detail {
  // An anonymous reporter stays hidden from everyone but themselves.
  const hidden = row.anonymous && !extras.isReporter;
  const full = extras.contactUnmasked && !hidden;
  return {
    ...presentSummary(row, extras.now),
    description: row.description,
    category: {
      id: row.category_id,
      code: row.category_code,
      nameZh: row.category_name_zh,
      nameEn: row.category_name_en,
      parentCode: row.category_parent_code,
    },
    buildingId: row.building_id,
    buildingName: row.building_name,
    communityName: row.community_name,
    reporter: {
      name: hidden || !row.reporter_name ? null : full || extras.isReporter ? row.reporter_name : maskName(row.reporter_name),
      phone:
        hidden || !row.reporter_phone ? null : full || extras.isReporter ? row.reporter_phone : maskPhone(row.reporter_phone),
      anonymous: row.anonymous,
      isMe: extras.isReporter,
      masked: !(full || extras.isReporter),
    },
    response: {
      dueAt: row.response_due_at,
      firstContactAt: row.first_contact_at,
      overdue: row.response_overdue_at !== null,
    },
    resolution: row.resolution,
    solvedTier: row.solved_tier,
    ratingComment: row.rating_comment,
    ratedAt: row.rated_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    rejectReason: row.reject_reason,
    mergedInto: row.merged_into ? { id: row.merged_into, number: row.merged_into_number ?? '' } : null,
    returnedCount: row.returned_count,
    escalationCount: row.escalation_count,
    version: row.version,
    timeline: presentTimeline(extras.timeline),
    contacts: extras.contacts.map((k) => ({
      id: k.id,
      channel: k.channel,
      note: k.note,
      at: k.at,
      by: { id: k.by_user_id, name: k.by_name },
    })),
    photos: extras.photos,
    allowedActions: extras.allowedActions,
  };
}

/** What a reporter holding only a tracking code sees: no names, no phones, no internal notes. */
export function presentPublic(row: repo.CaseRow, timeline: TimelineRow[]): z.infer<typeof publicCaseSchema> {
  const shown = new Set([
    'case.reported',
    'case.accepted',
    'case.assigned',
    'case.started',
    'case.resolved',
    'case.rated',
    'case.closed',
    'case.rejected',
    'case.merged',
    'case.returned',
    'case.escalated',
    'case.suspended',
    'case.resumed',
  ]);
  // Notes a resident should read: the resolution, a rejection's or suspension's reason.
  const publicNote = new Set(['case.resolved', 'case.rejected', 'case.suspended']);
  return {
    number: row.number,
    state: row.state,
    category: { code: row.category_code, nameZh: row.category_name_zh, nameEn: row.category_name_en },
    title: row.title,
    createdAt: row.created_at,
    dueDate: row.due_date,
    resolution: row.resolution,
    rating: row.rating,
    canRate: row.state === 'resolved',
    mergedInto: row.merged_into_number ?? null,
    timeline: timeline
      .filter((event) => shown.has(event.type))
      .map((event) => {
        const data = event.data as { to?: CaseState | null; note?: string | null };
        return {
          type: event.type,
          at: event.at,
          to: data.to ?? null,
          note: publicNote.has(event.type) ? (data.note ?? null) : null,
        };
      }),
  };
}
