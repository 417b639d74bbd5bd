import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, testEngine, withServerAdmin } from '../../test/databases.ts';
import { sessionCookie } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { GridLocator } from '../modules/areas/grid-locator.ts';
import { seedNationalCalendar } from '../modules/calendar/calendar.service.ts';
import { localDate } from '../modules/calendar/working-days.ts';
import { runFollowUpJobs } from '../modules/mediation/follow-up-scheduler.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { App } from '../platform/http/app-types.ts';
import { namedTotal, type ReplayedEvent, type ReplayedRow, replayProblems } from './mediation-replay.ts';
import { DEMO_PASSWORD, type SeedResult, seedDemoIfEmpty } from './seed-demo.ts';
import { TINY_SCALE } from './street-plan.ts';

/** The tiny street with a year of mediation, in a database of its own: the shared template holds no files. */
const SCALE = { ...TINY_SCALE, disputes: 30 };
const timeZone = 'Asia/Shanghai';
let database: Database;
let seeded: SeedResult;
let app: App;
let dataDir: string;
let drop = async () => {};

beforeAll(async () => {
  if (testEngine() === 'pglite') database = await openDatabase({ memory: true });
  else {
    const name = `fq_mediation_${randomBytes(5).toString('hex')}`;
    await withServerAdmin((client) => client.query(`create database ${name}`));
    database = await openDatabase({ databaseUrl: serverUrl(name), poolSize: 3 });
    drop = () => withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {});
  }
  await migrate(database);
  await seedNationalCalendar(database.db);
  seeded = await seedDemoIfEmpty(database, SCALE, timeZone);
  dataDir = await mkdtemp(path.join(tmpdir(), 'fq-mediation-'));
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_LIMIT: '10000', DATA_DIR: dataDir });
  app = await buildApp({ config, database, gridLocator: new GridLocator(), version: 'test' });
});
afterAll(async () => {
  await app?.close();
  await database.close();
  await drop();
  await rm(dataDir, { recursive: true, force: true });
});

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows;
const cookies = new Map<string, string>();
async function get(username: string, url: string) {
  let cookie = cookies.get(username);
  if (!cookie) {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    cookie = sessionCookie(login.headers['set-cookie']);
    cookies.set(username, cookie);
  }
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the demo street’s year of mediation, as written', () => {
  it('says how many files it wrote, each with its parties and a timeline, numbered per year up to the counter', async () => {
    const [n] = await rows(sql<{ disputes: number; without: number }>`
      select count(*)::int as disputes,
        count(*) filter (where not exists (select 1 from dispute_parties p where p.dispute_id = d.id)
          or not exists (select 1 from events e where e.entity_type = 'dispute' and e.entity_id = d.id))::int as without
      from disputes d`);
    expect(n).toEqual({ disputes: SCALE.disputes, without: 0 });
    expect(seeded.counts).toMatchObject({ disputes: SCALE.disputes });
    const years = await rows(sql<{ year: number; last: number; numbered: number; highest: string }>`
      select c.year, c.last, count(d.id)::int as numbered, max(d.number) as highest
      from dispute_counters c join disputes d on d.number like c.year || '-%' group by c.year, c.last`);
    for (const y of years) expect([y.numbered, y.highest]).toEqual([y.last, `${y.year}-${String(y.last).padStart(6, '0')}`]);
  });

  it('replays every timeline under the state machine, one level up at a time, to the file as it stands', async () => {
    const disputes = await rows(sql<ReplayedRow & { id: string }>`select id, number, state, level, version from disputes`);
    const events = await rows(sql<ReplayedEvent & { entity_id: string }>`
      select entity_id, type, at, data from events where entity_type = 'dispute' order by id`);
    expect(
      disputes.flatMap((d) =>
        replayProblems(
          d,
          events.filter((e) => e.entity_id === d.id),
        ),
      ),
    ).toEqual([]);
    const [handled] = await rows(sql<{ wrong: number }>`
      select count(*)::int as wrong from disputes d join area_nodes n on n.id = d.handling_node_id
      where n.level <> d.level or d.handling_path <> n.path or d.location_path not like n.path || '%'`);
    expect(handled?.wrong).toBe(0);
  });

  it('writes the cases’ and disputes’ events as one stream whose ids grow with time', async () => {
    const [backwards] = await rows(sql<{ n: number }>`
      select count(*)::int as n from (
        select at < lag(at) over (order by id) as back from events where entity_type in ('case', 'dispute')
      ) t where back`);
    expect(backwards?.n).toBe(0);
  });

  it('stores agreements whose money term names the sum of their instalments, checked as the follow-up recorded', async () => {
    const agreements = await rows(sql<{ terms: string[]; total: number; claimed: number }>`
      select a.terms, coalesce((select sum(i.amount_fen) from dispute_instalments i where i.agreement_id = a.id), 0)::int as total,
        d.amount_fen::int as claimed
      from dispute_agreements a join disputes d on d.id = a.dispute_id`);
    expect(agreements.length).toBeGreaterThan(5);
    for (const a of agreements) {
      expect(namedTotal(a.terms) * 100).toBe(a.total);
      expect(a.total).toBeLessThanOrEqual(a.claimed);
    }
    const [checks] = await rows(sql<{ wrong: number }>`
      select count(*)::int as wrong from dispute_instalments i
      where (i.status = 'paid' and i.paid_fen <> i.amount_fen) or (i.status = 'not_paid' and i.paid_fen <> 0)
        or (i.status <> 'pending' and (i.checked_by is null or i.checked_at is null))
        or (i.status <> 'pending' and (select e.data->>'result' from events e where e.entity_id = i.dispute_id
          and e.type = 'dispute.instalment_checked' and e.data->>'instalmentId' = i.id::text order by e.id desc limit 1) <> i.status)`);
    expect(checks?.wrong).toBe(0);
  });

  it('marks each instalment reminded when its reminder was sent, and leaves the job nothing a run this morning sent', async () => {
    const [marks] = await rows(sql<{ reminders: number; wrong: number }>`
      select count(*)::int as reminders, count(*) filter (where (case e.type when 'dispute.instalment_due_soon'
        then i.due_reminded_at else i.overdue_reminded_at end) is distinct from e.at)::int as wrong
      from events e join dispute_instalments i on i.id = (e.data->>'instalmentId')::uuid
      where e.type in ('dispute.instalment_due_soon', 'dispute.instalment_overdue')`);
    expect(marks?.reminders).toBeGreaterThan(0);
    expect(marks?.wrong).toBe(0);
    const now = new Date();
    const counts = await runFollowUpJobs({ db: database.db, timeZone, now: () => now });
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
    // Past 08:00 the history has already played today's run; before it, today's run is still to come.
    if (hour >= 8) expect(counts).toEqual({ dueSoon: 0, overdue: 0 });
  });

  it('gives the leader figures near nine in ten and an early warning of open files, the mediator files and the resident a consultation ahead', async () => {
    const today = localDate(new Date(), timeZone);
    const from = localDate(new Date(Date.now() - 365 * 86_400_000), timeZone);
    const figures = await get('leader', `/api/mediation/figures?from=${from}&to=${today}&by=type`);
    expect(figures.totals.received).toBe(SCALE.disputes);
    expect(figures.totals.successRate).toBeGreaterThan(0.8);
    expect(figures.rows.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(['neighbour', 'property', 'labour_wage']),
    );
    expect(figures.totals.amountRecovered).toBeGreaterThan(0);
    const byLevel = await get('leader', `/api/mediation/figures?from=${from}&to=${today}&by=level`);
    expect(byLevel.rows.map((r: { key: string }) => r.key).sort()).toEqual(['community', 'grid', 'street']);
    const warnings = await get('leader', '/api/mediation/warnings');
    expect(warnings.items.length).toBeGreaterThan(0);
    const files = await get('mediator', '/api/mediation/disputes?limit=100');
    expect(files.items).toHaveLength(SCALE.disputes);
    const mine = await get('resident', '/api/mediation/bookings/mine');
    expect(
      mine.items.filter(
        (b: { status: string; slotStart: string }) => b.status === 'booked' && b.slotStart > new Date().toISOString(),
      ),
    ).toHaveLength(1);
    const one = files.items.find((d: { state: string }) => d.state === 'closed');
    const file = await get('mediator', `/api/mediation/disputes/${one.id}`);
    expect(file.timeline[0].type).toBe('dispute.opened');
    expect(file.parties.every((p: { phone: string | null }) => !p.phone?.includes('*'))).toBe(true);
  });
});
