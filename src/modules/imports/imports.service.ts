import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { type Actor, canAnywhere, scopePathsFor } from '../access/access.policy.ts';
import { requirePermission } from '../access/authorize.ts';
import * as repo from './imports.repository.ts';
import type { RowError } from './imports.tables.ts';
import {
  duplicatesInFile,
  FIELDS,
  type Field,
  HEADERS,
  mappingProblems,
  type RegisterRow,
  readRow,
  suggestMapping,
} from './register-rules.ts';
import { readSheet, type Sheet, writeCsv, writeSheet } from './spreadsheet.ts';

export interface ImportDeps {
  db: Kysely<DB>;
  dataDir: string;
  timeZone: string;
}

const RUN = 'imports.run';
const MANAGE = 'residents.manage';
/** Errors kept and offered in the report: enough to fix a file, not a copy of a wrong one. */
const MAX_ERRORS = 10_000;
const MAX_ROWS = 200_000;

/** Progress of the imports running in this process; the database has the rest. */
const running = new Map<string, { phase: 'validating' | 'committing'; processed: number; total: number; done: Promise<void> }>();

const fileOf = (deps: ImportDeps, id: string, format: string) => path.join(deps.dataDir, 'imports', `${id}.${format}`);
const localToday = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

function present(row: Awaited<ReturnType<typeof findImport>> & object) {
  const live = running.get(row.id);
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    headers: row.headers,
    mapping: row.mapping,
    suggestedMapping: suggestMapping(row.headers),
    status: live ? live.phase : row.status,
    totalRows: row.total_rows,
    processedRows: live ? live.processed : row.processed_rows,
    errorCount: row.error_count,
    errors: row.errors.slice(0, 200),
    inserted: row.inserted,
    updated: row.updated,
    householdsCreated: row.households_created,
    failure: row.failure,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
export type ImportView = ReturnType<typeof present>;

function findImport(db: Kysely<DB>, id: string) {
  return db.selectFrom('register_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An import the actor started, or one of their street when they may import there; 404 otherwise. */
async function importFor(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await findImport(db, id);
  if (!row || !(row.created_by === actor.userId || (canAnywhere(actor, RUN) && actor.streetId === row.street_id)))
    throw notFound('Import');
  return row;
}

function streetOf(actor: Actor, streetId: string | undefined): string {
  requirePermission(actor, RUN);
  requirePermission(actor, MANAGE);
  const street = streetId ?? actor.streetId;
  if (!street) throw badRequest('STREET_REQUIRED', 'Name the street to import into (streetId).', 'streetId');
  return street;
}

export async function listImports(db: Kysely<DB>, actor: Actor) {
  requirePermission(actor, RUN);
  const rows = await db
    .selectFrom('register_imports')
    .selectAll()
    .where('created_by', '=', actor.userId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return { items: rows.map(present) };
}

export async function getImport(db: Kysely<DB>, actor: Actor, id: string) {
  return present(await importFor(db, actor, id));
}

/** Keeps the uploaded file and reads its headers, so the columns can be mapped before anything is checked. */
export async function uploadRegister(deps: ImportDeps, actor: Actor, fileName: string, bytes: Buffer, streetId?: string) {
  const street = streetOf(actor, streetId);
  const format = /\.xlsx$/i.test(fileName) ? 'xlsx' : /\.(csv|txt)$/i.test(fileName) ? 'csv' : undefined;
  if (!format) throw badRequest('IMPORT_FORMAT', 'Upload an .xlsx or .csv file.', 'file');
  let sheet: Sheet;
  try {
    sheet = await readSheet(bytes, format);
  } catch {
    throw badRequest('IMPORT_UNREADABLE', 'The file cannot be read as a spreadsheet.', 'file');
  }
  if (sheet.headers.length === 0 || sheet.rows.length === 0)
    throw badRequest('IMPORT_EMPTY', 'The file has no header row or no data rows.', 'file');
  if (sheet.rows.length > MAX_ROWS) throw badRequest('IMPORT_TOO_LARGE', `Import at most ${MAX_ROWS} rows at a time.`, 'file');
  const id = randomUUID();
  await mkdir(path.join(deps.dataDir, 'imports'), { recursive: true });
  await writeFile(fileOf(deps, id, format), bytes);
  await deps.db
    .insertInto('register_imports')
    .values({
      id,
      street_id: street,
      created_by: actor.userId,
      file_name: fileName.slice(0, 200),
      file_hash: createHash('sha256').update(bytes).digest('hex'),
      format,
      encoding: sheet.encoding,
      headers: sheet.headers,
      total_rows: sheet.rows.length,
    })
    .execute();
  return getImport(deps.db, actor, id);
}

/** Starts checking and committing an uploaded file under a mapping; progress is read with getImport. */
export async function runImport(deps: ImportDeps, actor: Actor, id: string, mapping: Partial<Record<Field, string>>) {
  const row = await importFor(deps.db, actor, id);
  if (running.has(id) || row.status === 'committed' || row.status === 'committing' || row.status === 'validating')
    throw conflict('IMPORT_STARTED', 'This import has already run; upload the file again to import it anew.');
  const problems = mappingProblems(mapping, row.headers);
  if (problems.length) {
    const [kind, field] = (problems[0] as string).split(':');
    throw badRequest(
      kind === 'missing' ? 'MAPPING_REQUIRED' : 'MAPPING_UNKNOWN_COLUMN',
      kind === 'missing' ? `Choose the column holding ${field}.` : `The column chosen for ${field} is not in the file.`,
      `mapping.${field}`,
    );
  }
  const scopes = scopePathsFor(actor, MANAGE);
  const progress = { phase: 'validating' as const, processed: 0, total: row.total_rows, done: Promise.resolve() };
  await deps.db
    .updateTable('register_imports')
    .set({ mapping: JSON.stringify(mapping), status: 'validating', processed_rows: 0, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  progress.done = process(deps, actor, row, mapping, scopes, progress as never)
    .catch(async (error: unknown) => {
      await deps.db
        .updateTable('register_imports')
        .set({ status: 'failed', failure: String((error as Error).message ?? error).slice(0, 500), finished_at: new Date() })
        .where('id', '=', id)
        .execute();
    })
    .finally(() => running.delete(id));
  running.set(id, progress);
  return getImport(deps.db, actor, id);
}

/** Waits for a running import to finish (tests, scripts). */
export async function importFinished(id: string) {
  await running.get(id)?.done;
}

type Row = NonNullable<Awaited<ReturnType<typeof findImport>>>;
const yieldToServer = () => new Promise((resolve) => setImmediate(resolve));

async function process(
  deps: ImportDeps,
  actor: Actor,
  job: Row,
  mapping: Partial<Record<Field, string>>,
  scopes: string[],
  progress: { phase: 'validating' | 'committing'; processed: number; total: number },
) {
  const { db } = deps;
  const sheet = await readSheet(await readFile(fileOf(deps, job.id, job.format)), job.format);
  const today = localToday(deps.timeZone);
  const errors: RowError[] = [];
  const good: RegisterRow[] = [];
  sheet.rows.forEach((cells, i) => {
    const read = readRow(cells, i + 2, mapping, today);
    errors.push(...read.errors);
    if (read.row) good.push(read.row);
  });
  progress.processed = Math.floor(sheet.rows.length / 2);
  await yieldToServer();
  errors.push(...duplicatesInFile(good));

  // Places and people the rows name, looked up once for the whole file.
  const places = await repo.placesUnder(db, job.street_id, scopes);
  const buildings = new Map<string, typeof places.buildings>();
  for (const b of places.buildings) buildings.set(b.name, [...(buildings.get(b.name) ?? []), b]);
  const units = new Map(places.units.map((u) => [`${u.parent_id}/${u.name}`, u]));
  const households = new Map(places.households.map((h) => [`${h.parent_id}/${h.name}`, h]));
  const householdName = new Map(places.households.map((h) => [h.id, h.name]));
  const people = await repo.residentsOfStreet(db, job.street_id);
  const byId = new Map(people.filter((p) => p.id_number).map((p) => [p.id_number as string, p]));
  const byHome = new Map(people.filter((p) => !p.id_number).map((p) => [`${p.household_id}/${p.name}`, p]));

  const now = new Date();
  const newHouseholds = new Map<
    string,
    { id: string; street_id: string; parent_id: string; level: 'household'; name: string; code: string; path: string }
  >();
  const inserts: object[] = [];
  const updates: repo.ResidentUpdate[] = [];
  const events: object[] = [];
  const badRows = new Set(errors.map((e) => e.row));
  for (const [i, row] of good.entries()) {
    if (i % 5000 === 0) {
      progress.processed = Math.floor(sheet.rows.length / 2 + (i / good.length) * (sheet.rows.length / 2));
      await yieldToServer();
    }
    if (badRows.has(row.row)) continue;
    const candidates = (buildings.get(row.building) ?? []).filter((b) => !row.community || b.community === row.community);
    const fail = (column: string, value: string, code: string) => {
      errors.push({ row: row.row, column, value, code });
      badRows.add(row.row);
    };
    if (candidates.length !== 1) {
      fail('building', row.building, candidates.length ? 'BUILDING_AMBIGUOUS' : 'BUILDING_NOT_FOUND');
      continue;
    }
    const unit = units.get(`${candidates[0]?.id}/${row.unit}`);
    if (!unit) {
      fail('unit', row.unit, 'UNIT_NOT_FOUND');
      continue;
    }
    let household = households.get(`${unit.id}/${row.room}`) ?? newHouseholds.get(`${unit.id}/${row.room}`);
    if (!household) {
      const hid = randomUUID();
      const created = {
        id: hid,
        street_id: job.street_id,
        parent_id: unit.id,
        level: 'household' as const,
        name: row.room.slice(0, 100),
        code: `H${row.room.replace(/室$/, '')}`.slice(0, 40),
        path: `${unit.path}${hid}/`,
      };
      newHouseholds.set(`${unit.id}/${row.room}`, created);
      household = { ...created, parent_id: unit.id };
    }
    const existing = row.idNumber ? byId.get(row.idNumber) : byHome.get(`${household.id}/${row.name}`);
    if (existing && existing.household_id !== household.id) {
      fail('idNumber', row.idNumber ?? '', `REGISTERED_ELSEWHERE:${householdName.get(existing.household_id) ?? ''}`);
      continue;
    }
    const values = {
      name: row.name,
      gender: row.gender,
      birth_date: row.birthDate,
      phone: row.phone,
      tags: row.tags,
      is_household_head: row.householdHead,
    };
    if (existing) {
      updates.push({ id: existing.id, ...values });
      events.push(eventRow(job, actor, existing.id, 'resident.updated', { fields: Object.keys(values), importId: job.id }, now));
    } else {
      const rid = randomUUID();
      inserts.push({
        id: rid,
        street_id: job.street_id,
        household_id: household.id,
        ...values,
        id_number: row.idNumber,
        created_at: now,
        updated_at: now,
      });
      events.push(eventRow(job, actor, rid, 'resident.registered', { householdId: household.id, importId: job.id }, now));
    }
  }
  progress.processed = sheet.rows.length;

  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    await db
      .updateTable('register_imports')
      .set({
        status: 'invalid',
        processed_rows: sheet.rows.length,
        error_count: errors.length,
        errors: JSON.stringify(errors.slice(0, MAX_ERRORS)),
        finished_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', job.id)
      .execute();
    return;
  }
  progress.phase = 'committing';
  await db.transaction().execute(async (trx) => {
    await repo.insertJsonRows(trx, 'area_nodes', [...newHouseholds.values()]);
    await repo.insertJsonRows(trx, 'residents', inserts);
    await repo.updateResidents(trx, updates, now);
    await repo.insertJsonRows(trx, 'events', events);
    await recordEvent(trx, {
      streetId: job.street_id,
      entityType: 'register_import',
      entityId: job.id,
      type: 'register_import.committed',
      actorUserId: actor.userId,
      data: { rows: sheet.rows.length, inserted: inserts.length, updated: updates.length, householdsCreated: newHouseholds.size },
    });
    await trx
      .updateTable('register_imports')
      .set({
        status: 'committed',
        processed_rows: sheet.rows.length,
        inserted: inserts.length,
        updated: updates.length,
        households_created: newHouseholds.size,
        finished_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', job.id)
      .execute();
  });
}

const eventRow = (job: Row, actor: Actor, entityId: string, type: string, data: object, at: Date) => ({
  street_id: job.street_id,
  entity_type: 'resident',
  entity_id: entityId,
  type,
  actor_user_id: actor.userId,
  at,
  data,
});

/** The words of the template and reports, by language. */
const headerOf = (field: Field, lang: 'zh-CN' | 'en') => (lang === 'en' ? HEADERS[field].en : HEADERS[field].zh);

export async function template(format: 'xlsx' | 'csv', lang: 'zh-CN' | 'en') {
  const headers = FIELDS.map((f) => headerOf(f, lang));
  // Invented people; the ID numbers pass the checksum so the example imports as it stands.
  const rows = [
    ['北苑社区', '枫林苑1栋', '1', '101', '王建国', '男', '1980-05-12', '13800001234', '330681198005120037', '是', '党员'],
    ['北苑社区', '枫林苑1栋', '1', '101', '李秀英', '女', '1982-09-03', '', '330681198209030048', '否', ''],
  ];
  return format === 'xlsx' ? writeSheet(lang === 'en' ? 'Register' : '人口登记', headers, rows) : writeCsv(headers, rows);
}

/** The rows of the file that failed, as uploaded, with the row number and what is wrong: fix and upload again. */
export async function errorReport(deps: ImportDeps, actor: Actor, id: string, format: 'xlsx' | 'csv', lang: 'zh-CN' | 'en') {
  const job = await importFor(deps.db, actor, id);
  if (job.status !== 'invalid') throw new AppError(409, 'IMPORT_NO_ERRORS', 'This import has no error report.');
  const sheet = await readSheet(await readFile(fileOf(deps, job.id, job.format)), job.format);
  const byRow = new Map<number, RowError[]>();
  for (const e of job.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const describe = (e: RowError) => `${e.column}: ${e.code}${e.value ? ` (${e.value})` : ''}`;
  const headers = [lang === 'en' ? 'Row' : '原行号', lang === 'en' ? 'Errors' : '错误', ...sheet.headers];
  const rows = [...byRow.entries()].map(([row, list]) => [
    String(row),
    list.map(describe).join('; '),
    ...sheet.headers.map((h) => sheet.rows[row - 2]?.[h] ?? ''),
  ]);
  return format === 'xlsx' ? writeSheet(lang === 'en' ? 'Errors' : '错误行', headers, rows) : writeCsv(headers, rows);
}
