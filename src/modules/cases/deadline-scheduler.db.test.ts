import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { GridLocator } from '../areas/grid-locator.ts';
import { loadDayTable } from '../calendar/calendar.service.ts';
import type { CaseDeps } from './case-view.ts';
import { runDeadlineJobs } from './deadline-scheduler.ts';

let h: Harness;
let garbage: string;
let point: { lon: number; lat: number };

beforeAll(async () => {
  h = await startHarness();
  garbage = await categoryId(h, 'ENV_GARBAGE');
  point = await pointInGrid(h, 'C01G01');
});
afterAll(() => h.close());

/** The jobs of one server instance, run as if at a given moment. */
const instance = (db = h.database.db, at: () => Date = () => new Date()): CaseDeps => ({
  db,
  gridLocator: new GridLocator(),
  dayTables: { dayTable: loadDayTable },
  timeZone: 'Asia/Shanghai',
  now: at,
});

async function newCase() {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: await h.login('resident') },
    payload: { categoryId: garbage, description: '楼道堆放杂物', ...point },
  });
  return response.json().case as { id: string; deadline: { dueAt: string; warnAt: string } };
}

const eventsOf = async (caseId: string, type: string) =>
  (await h.database.db.selectFrom('events').select('id').where('entity_id', '=', caseId).where('type', '=', type).execute())
    .length;
const notificationsOf = async (caseId: string, kind: string) =>
  (
    await h.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .execute()
  ).map((n) => n.user_id);

describe('the deadline jobs', () => {
  it('warn once before the deadline, also across a restart, then mark the case overdue once', async () => {
    const c = await newCase();
    const justAfterWarning = new Date(new Date(c.deadline.warnAt).getTime() + 60_000);
    await runDeadlineJobs(instance(h.database.db, () => justAfterWarning));
    await runDeadlineJobs(instance(h.database.db, () => justAfterWarning));
    // A restarted server is a new process with no memory: only the database remembers.
    await runDeadlineJobs(instance(h.database.db, () => new Date(justAfterWarning.getTime() + 3_600_000)));
    expect(await eventsOf(c.id, 'case.deadline_warning')).toBe(1);
    expect(await notificationsOf(c.id, 'case.deadline_warning')).toHaveLength(1);

    const afterDue = new Date(new Date(c.deadline.dueAt).getTime() + 60_000);
    await runDeadlineJobs(instance(h.database.db, () => afterDue));
    await runDeadlineJobs(instance(h.database.db, () => afterDue));
    expect(await eventsOf(c.id, 'case.overdue')).toBe(1);
    // The grid worker and the community's staff and secretary hear of it.
    expect((await notificationsOf(c.id, 'case.overdue')).length).toBeGreaterThanOrEqual(2);
    const detail = (await h.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: await h.login('grid') } })).json();
    expect(detail.deadline.everOverdue).toBe(true);
    // Nobody called the reporter back within a working day either.
    expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual([
      'case.reported',
      'case.deadline_warning',
      'case.response_overdue',
      'case.overdue',
    ]);
    expect(detail.response.overdue).toBe(true);
  });

  it('fire exactly once when two server instances run them at the same moment', async () => {
    const cases = await Promise.all([newCase(), newCase(), newCase()]);
    const latestDue = Math.max(...cases.map((c) => new Date(c.deadline.dueAt).getTime()));
    const at = () => new Date(latestDue + 60_000);
    // On PostgreSQL the second instance has its own connection pool; PGlite serves one process.
    const second = h.url ? await openDatabase({ databaseUrl: h.url, poolSize: 2 }) : undefined;
    try {
      await Promise.all([
        runDeadlineJobs(instance(h.database.db, at)),
        runDeadlineJobs(instance(second?.db ?? h.database.db, at)),
      ]);
    } finally {
      await second?.close();
    }
    for (const c of cases) expect(await eventsOf(c.id, 'case.overdue')).toBe(1);
  });

  it('skip a suspended case, whose clock is paused', async () => {
    const c = await newCase();
    const grid = await h.login('grid');
    await h.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: grid }, payload: {} });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/suspend`,
      headers: { cookie: grid },
      payload: { reason: '等待鉴定结果' },
    });
    await runDeadlineJobs(instance(h.database.db, () => new Date(new Date(c.deadline.dueAt).getTime() + 86_400_000)));
    expect(await eventsOf(c.id, 'case.overdue')).toBe(0);
  });

  it('remind the reporter to rate after three days, and close an unrated case after seven as not rated', async () => {
    const c = await newCase();
    const grid = await h.login('grid');
    await h.app.inject({ method: 'POST', url: `/api/cases/${c.id}/accept`, headers: { cookie: grid }, payload: {} });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/resolve`,
      headers: { cookie: grid },
      payload: { resolution: '已清理' },
    });
    const day = 86_400_000;
    await runDeadlineJobs(instance(h.database.db, () => new Date(Date.now() + 4 * day)));
    await runDeadlineJobs(instance(h.database.db, () => new Date(Date.now() + 5 * day)));
    expect(await notificationsOf(c.id, 'case.rating_requested')).toHaveLength(1);
    await runDeadlineJobs(instance(h.database.db, () => new Date(Date.now() + 8 * day)));
    const closed = (await h.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: grid } })).json();
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'not_rated', rating: null });
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'case.closed', from: 'resolved', to: 'closed', actor: null });
  });
});

describe('provisional deadlines', () => {
  it('are counted again when the year they reach into is published', async () => {
    const c = await newCase();
    // Started on Monday 28 December 2026 at 10:00 local, five working days: it reaches into 2027.
    await h.database.db
      .updateTable('cases')
      .set({
        deadline_started_at: new Date('2026-12-28T02:00:00Z'),
        deadline_working_days: 5,
        due_date: '2027-01-04',
        due_provisional: true,
      })
      .where('id', '=', c.id)
      .execute();
    const admin = await h.login('admin');
    const put = await h.app.inject({
      method: 'PUT',
      url: '/api/calendar/days/2027-01-01',
      headers: { cookie: admin },
      payload: { kind: 'holiday', name: '元旦' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const publish = await h.app.inject({
      method: 'POST',
      url: '/api/calendar/years/2027/publish',
      headers: { cookie: admin },
      payload: {},
    });
    expect(publish.statusCode, publish.body).toBe(200);
    const after = (await h.app.inject({ url: `/api/cases/${c.id}`, headers: { cookie: admin } })).json();
    // 29, 30, 31 December, then New Year's Day is a holiday: 4 and 5 January.
    expect(after.deadline).toMatchObject({ dueDate: '2027-01-05', provisional: false });
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'case.deadline_recounted',
      data: { previousDueDate: '2027-01-04', dueDate: '2027-01-05' },
    });
  });
});
