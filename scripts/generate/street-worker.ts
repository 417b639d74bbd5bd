/**
 * A worker thread that generates whole streets: the street's plan and people, then its years of
 * cases, as COPY text handed to the main thread in chunks. Chunks wait for the main thread's
 * acknowledgement past a few in flight, so a slow database slows generation instead of filling memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { plannedNotifications } from '../../src/demo/case-notifications.ts';
import type { PlannedEvent } from '../../src/demo/case-rows.ts';
import { Random } from '../../src/demo/random.ts';
import { FINAL_STATES } from '../../src/modules/cases/lifecycle.ts';
import { type CityStreet, planCityStreet } from './city-plan.ts';
import { type CopyRows, type CopyTable, copyRow } from './copy-tables.ts';
import { RollupTotals } from './rollup-totals.ts';
import { StreetHistory } from './street-history.ts';
import type { FromWorker, StreetSummary, ToWorker, WorkerSetup } from './worker-protocol.ts';

const CHUNK_BYTES = 1 << 20;
const IN_FLIGHT = 12;
const NOTIFIED_DAYS_MS = 7 * 86_400_000;
/** UTF-8 takes at most three bytes for each UTF-16 unit of a string. */
const MAX_UTF8_PER_UNIT = 3;

const port = parentPort as NonNullable<typeof parentPort>;
const setup = workerData as WorkerSetup;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** A table's rows as UTF-8, written line by line into a buffer that is handed to the main thread whole. */
interface Chunk {
  bytes: Buffer;
  length: number;
  rows: number;
}

/**
 * Each line is encoded as soon as it is made, so it dies young: text held until a chunk is full
 * would live through many collections. A full chunk is transferred, not copied, and the main
 * thread writes its bytes to the COPY as they are.
 */
class Outbox {
  private readonly chunks = new Map<CopyTable, Chunk>();
  private credit = IN_FLIGHT;
  private wake: (() => void) | undefined;

  push<T extends CopyTable>(table: T, row: CopyRows[T]): void {
    const line = copyRow(table, row);
    let chunk = this.chunks.get(table);
    if (chunk && chunk.length + line.length * MAX_UTF8_PER_UNIT > chunk.bytes.length) {
      this.flush(table);
      chunk = undefined;
    }
    if (!chunk) {
      chunk = { bytes: Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, line.length * MAX_UTF8_PER_UNIT)), length: 0, rows: 0 };
      this.chunks.set(table, chunk);
    }
    chunk.length += chunk.bytes.write(line, chunk.length);
    chunk.rows++;
  }

  flush(table: CopyTable): void {
    const chunk = this.chunks.get(table);
    if (!chunk || chunk.rows === 0) return;
    this.chunks.delete(table);
    this.credit--;
    const bytes = new Uint8Array(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.length);
    send({ type: 'rows', table, bytes, rows: chunk.rows }, [chunk.bytes.buffer as ArrayBuffer]);
  }

  flushAll(): void {
    for (const table of [...this.chunks.keys()]) this.flush(table);
  }

  acknowledged(): void {
    this.credit++;
    this.wake?.();
  }

  /** Waits while too many chunks are on their way to the database. */
  async room(): Promise<void> {
    while (this.credit <= 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
  }
}

const outbox = new Outbox();
const table = {
  holidays: new Set(setup.calendar.holidays),
  makeupWorkdays: new Set(setup.calendar.makeupWorkdays),
  knownYears: new Set(setup.calendar.knownYears),
};

function writeStructure(street: CityStreet) {
  const { plan, users } = street;
  const streetId = plan.street.id;
  const workerOf = new Map(users.filter((u) => u.role === 'grid_worker').map((u) => [u.nodeId, u.id]));
  for (const node of plan.nodes) outbox.push('area_nodes', { ...node, responsible_user_id: workerOf.get(node.id) ?? null });
  for (const organisation of plan.organisations) outbox.push('organisations', organisation);
  for (const estate of plan.estates) outbox.push('estates', estate);
  for (const resident of plan.residents) outbox.push('residents', resident);
  for (const user of users.slice(1)) {
    outbox.push('users', {
      id: user.id,
      street_id: streetId,
      username: user.username,
      display_name: user.displayName,
      password_hash: setup.passwordHash,
      resident_id: user.residentId ?? null,
      organisation_id: user.organisationId ?? null,
    });
    outbox.push('role_assignments', {
      street_id: streetId,
      user_id: user.id,
      role: user.role,
      node_id: user.nodeId ?? null,
      organisation_id: user.organisationId ?? null,
    });
  }
}

async function generateStreet(message: Extract<ToWorker, { type: 'street' }>): Promise<StreetSummary> {
  const now = new Date(setup.nowMs);
  const street = planCityStreet(setup.district, setup.admin, setup.layout, message.index, message.seed);
  writeStructure(street);
  const streetId = street.plan.street.id;
  const history = new StreetHistory({
    plan: street.plan,
    users: street.users,
    categories: setup.categories,
    policies: setup.policies,
    responsePolicies: setup.responsePolicies,
    table,
    timeZone: setup.timeZone,
    now,
    seed: message.seed,
    count: message.count,
    days: setup.days,
    trackingSecret: setup.trackingSecret,
  });
  const rollups = new RollupTotals(setup.timeZone);
  const recent: { sims: PlannedEvent[][]; cases: CopyRows['cases'][] } = { sims: [], cases: [] };
  const notifiedFrom = now.getTime() - NOTIFIED_DAYS_MS;
  let cases = 0;
  let openCases = 0;
  let events = 0;
  for (const sim of history.cases()) {
    const row = sim.row;
    const timeline = [...sim.events].sort((a, b) => a.at.getTime() - b.at.getTime());
    outbox.push('cases', row);
    for (const event of timeline) {
      outbox.push('events', {
        street_id: streetId,
        entity_type: 'case',
        entity_id: event.entity_id,
        type: event.type,
        actor_user_id: event.actor_user_id,
        at: event.at,
        data: event.data,
      });
    }
    for (const contact of sim.contacts) outbox.push('case_contacts', contact);
    for (const organisation_id of sim.orgAccess) outbox.push('case_org_access', { case_id: row.id, organisation_id });
    for (const source_case_id of sim.duplicates) outbox.push('case_followers', { case_id: row.id, source_case_id });
    rollups.add(row, timeline);
    if ((timeline.at(-1)?.at.getTime() ?? 0) >= notifiedFrom) {
      recent.cases.push(row);
      recent.sims.push(timeline);
    }
    cases++;
    events += timeline.length;
    if (!FINAL_STATES.includes(row.state)) openCases++;
    if (cases % 256 === 0) await outbox.room();
  }
  const recentEvents = recent.sims.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
  const notifications = plannedNotifications(history.index, new Random(message.seed + 2), recent.cases, recentEvents, now);
  for (const notification of notifications) outbox.push('notifications', notification);
  for (const [year, last] of history.counters) outbox.push('case_counters', { street_id: streetId, year, last });
  for (const rollup of rollups.sorted()) outbox.push('case_daily_rollups', rollup);
  outbox.flushAll();
  await outbox.room();
  return {
    index: message.index,
    grids: street.plan.grids.length,
    residents: street.plan.residents.length,
    cases,
    openCases,
    events,
    rollupRows: rollups.size,
    notifications: notifications.length,
  };
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') return outbox.acknowledged();
  generateStreet(message).then(
    (summary) => send({ type: 'done', summary }),
    (error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
