/**
 * Patrol runs as the phone writes them: the whole run so far, sent after every step and again
 * after being offline. Every part carries the phone's own id, so a part already stored is skipped
 * and sending a run twice changes nothing. A finding becomes a hazard case in the grid it lies in.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { localDate } from '../calendar/working-days.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import { categoryById } from '../cases/cases.repository.ts';
import { takeInCase } from '../cases/intake.ts';
import { distanceMetres, PRIORITY_OF_LEVEL } from './hazard-rules.ts';
import { runDateOf } from './patrol-schedule.ts';
import { canManage } from './patrols.policy.ts';
import type { runBody } from './patrols.schemas.ts';
import { partnershipsOf, visiblePlan } from './plans.service.ts';

type Db = Kysely<DB>;
type RunInput = z.infer<typeof runBody>;

/** How far back a phone may still deliver a run it kept offline, and how far ahead its clock may run. */
const OLDEST_RUN_DAYS = 30;
const CLOCK_SKEW_MS = 5 * 60_000;

function checkTimes(input: RunInput, now: Date) {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const earliest = now.getTime() - OLDEST_RUN_DAYS * 86_400_000;
  const inRange = (at: Date) => at.getTime() <= latest && at.getTime() >= earliest;
  if (!inRange(input.startedAt))
    throw badRequest('RUN_TIME_INVALID', 'The run’s start must lie within the last 30 days.', 'startedAt');
  if (input.finishedAt && (input.finishedAt < input.startedAt || !inRange(input.finishedAt)))
    throw badRequest('RUN_TIME_INVALID', 'The run cannot finish before it started or in the future.', 'finishedAt');
  input.checkins.forEach((c, i) => {
    if (!inRange(c.at)) throw badRequest('RUN_TIME_INVALID', 'A check-in’s time is out of range.', `checkins.${i}.at`);
  });
  input.findings.forEach((f, i) => {
    if (!inRange(f.at)) throw badRequest('RUN_TIME_INVALID', 'A finding’s time is out of range.', `findings.${i}.at`);
  });
}

/** A partner runs their team's plans (or their community's plans without a team); staff who manage the community run any. */
async function checkMayRun(db: Db, actor: Actor, plan: Awaited<ReturnType<typeof visiblePlan>>) {
  if (canManage(actor, plan.community_path)) return;
  const partnerships = await partnershipsOf(db, actor.userId);
  const ok = partnerships.some(
    (p) => p.community_id === plan.community_id && (plan.team_id === null || p.team_id === plan.team_id),
  );
  if (!ok) throw badRequest('PLAN_NOT_YOURS', 'This plan belongs to another team.', 'planId');
}

/** Checks every finding before anything is written: a run with a bad finding is refused whole. */
async function checkFindings(deps: CaseDeps, input: RunInput, streetId: string) {
  for (const [i, finding] of input.findings.entries()) {
    const category = await categoryById(deps.db, finding.categoryId);
    if (!category || category.retired_at)
      throw badRequest('CATEGORY_NOT_FOUND', 'Choose an existing hazard type.', `findings.${i}.categoryId`);
    const grid = await deps.gridLocator.locate(deps.db, finding.lon, finding.lat);
    if (grid?.street_id !== streetId)
      throw badRequest('CASE_OUTSIDE_AREA', 'This finding lies outside every grid of the street.', `findings.${i}.lon`);
  }
}

export async function syncRun(deps: CaseDeps, actor: Actor, clientId: string, input: RunInput, now: Date, timeZone: string) {
  const { db } = deps;
  const plan = await visiblePlan(db, actor, input.planId).catch(() => {
    throw badRequest('PLAN_NOT_FOUND', 'Choose one of your plans.', 'planId');
  });
  await checkMayRun(db, actor, plan);
  checkTimes(input, now);
  const points = new Map(
    (await db.selectFrom('patrol_points').selectAll().where('plan_id', '=', plan.id).execute()).map((p) => [p.id, p]),
  );
  input.checkins.forEach((c, i) => {
    if (!points.has(c.pointId))
      throw badRequest('POINT_NOT_FOUND', 'A check-in names a point of another plan.', `checkins.${i}.pointId`);
  });
  input.findings.forEach((f, i) => {
    if (f.pointId && !points.has(f.pointId))
      throw badRequest('POINT_NOT_FOUND', 'A finding names a point of another plan.', `findings.${i}.pointId`);
  });
  const existing = await db
    .selectFrom('patrol_runs')
    .select(['id', 'plan_id', 'started_by'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (existing && existing.started_by !== actor.userId) throw notFound('Run');
  if (existing && existing.plan_id !== plan.id) throw conflict('RUN_PLAN_CHANGED', 'This run belongs to another plan.', 'planId');
  const findingIds = input.findings.map((f) => f.clientId);
  const stored = new Set(
    findingIds.length === 0
      ? []
      : (await db.selectFrom('patrol_findings').select('client_id').where('client_id', 'in', findingIds).execute()).map(
          (f) => f.client_id,
        ),
  );
  const fresh = input.findings.filter((f) => !stored.has(f.clientId));
  await checkFindings(deps, { ...input, findings: fresh }, plan.street_id);

  const startedLocal = localDate(input.startedAt, timeZone);
  const hour = Number(new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(input.startedAt));
  const runId = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('patrol_runs')
      .values({
        client_id: clientId,
        street_id: plan.street_id,
        plan_id: plan.id,
        team_id: plan.team_id,
        run_date: runDateOf(plan.frequency, startedLocal, hour),
        started_by: actor.userId,
        started_at: input.startedAt,
        finished_at: input.finishedAt ?? null,
        note: input.note ?? null,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    const run = await trx
      .selectFrom('patrol_runs')
      .select(['id', 'finished_at'])
      .where('client_id', '=', clientId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (existing && ((input.finishedAt && !run.finished_at) || input.note !== undefined))
      await trx
        .updateTable('patrol_runs')
        .set({
          ...(input.finishedAt && !run.finished_at ? { finished_at: input.finishedAt } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          synced_at: new Date(),
        })
        .where('id', '=', run.id)
        .execute();
    if (input.checkins.length)
      await trx
        .insertInto('patrol_checkins')
        .values(
          input.checkins.map((c) => {
            const point = points.get(c.pointId) as { lon: number; lat: number };
            const at = c.lon !== undefined && c.lat !== undefined ? { lon: c.lon, lat: c.lat } : undefined;
            return {
              client_id: c.clientId,
              run_id: run.id,
              point_id: c.pointId,
              at: c.at,
              lon: at?.lon ?? null,
              lat: at?.lat ?? null,
              accuracy_m: c.accuracyM ?? null,
              distance_m: at ? Math.round(distanceMetres(at, point)) : null,
              checklist: JSON.stringify(c.checklist),
              note: c.note ?? null,
            };
          }),
        )
        // A check-in already stored (same phone id, or the same point checked in twice) stands as it was.
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (!existing)
      await recordEvent(trx, {
        streetId: plan.street_id,
        entityType: 'patrol_run',
        entityId: run.id,
        type: 'patrol_run.started',
        actorUserId: actor.userId,
        data: { planId: plan.id },
        at: input.startedAt,
      });
    return run.id;
  });

  for (const finding of fresh) {
    await takeInCase(deps, {
      actor,
      kind: 'hazard',
      idempotencyKey: `patrol-finding:${finding.clientId}`,
      input: {
        categoryId: finding.categoryId,
        description: finding.description,
        priority: PRIORITY_OF_LEVEL[finding.level],
        lon: finding.lon,
        lat: finding.lat,
        address: finding.pointId ? points.get(finding.pointId)?.name : undefined,
        photoIds: finding.photoIds,
        source: 'patrol',
      },
      within: async (trx, caseId) => {
        await trx
          .insertInto('patrol_findings')
          .values({
            client_id: finding.clientId,
            run_id: runId,
            point_id: finding.pointId ?? null,
            case_id: caseId,
            level: finding.level,
            created_at: finding.at,
          })
          .execute();
      },
    });
  }
  return { runId, created: !existing };
}
