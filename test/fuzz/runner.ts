import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { App } from '../../src/platform/http/app-types.ts';
import { type FuzzRequest, operationsOf, requestsFor } from './operations.ts';

/**
 * Runs the OpenAPI fuzzer: every operation of the document, as every demo role and anonymously,
 * a fixed number of generated requests each, from a fixed seed. It records (rather than stops
 * at) every answer that breaks a rule, so one run shows all of them:
 *  - no 5xx;
 *  - no stack trace or file path in any answer, no SQL text in an error;
 *  - an error under /api has the { error: { code, message } } shape;
 *  - a refused write leaves every table's row count as it was (no half-written record).
 */
export const DEMO_ROLES = [
  'admin',
  'leader',
  'secretary',
  'staff',
  'grid',
  'dept',
  'property',
  'mediator',
  'partner',
  'resident',
] as const;
export const IDENTITIES = ['anonymous', ...DEMO_ROLES] as const;

/** The fuzzer reads every table by name through raw SQL, whatever the typed schema says. */
type AnyDb = Kysely<DB>;

export interface FuzzOptions {
  app: App;
  db: AnyDb;
  login: (username: string) => Promise<string | undefined>;
  runsPerIdentity: number;
  seed: number;
  /** Restricts the run to operations whose "METHOD /path" matches. */
  only?: RegExp;
  onProgress?: (done: number, total: number) => void;
}

export interface Finding {
  identity: string;
  request: FuzzRequest;
  status: number;
  rule: string;
  body: string;
}

export interface FuzzReport {
  operations: number;
  identities: number;
  cases: number;
  refusedWrites: number;
  statuses: Record<string, number>;
  findings: Finding[];
}

const STACK = /\n\s+at\s|\bat [\w.<>]+ \(|node_modules|\/src\/(modules|platform)\/|\.ts:\d+:\d+/;
const SQL_TEXT =
  /\b(select\s+[\w*".,\s]+\s+from|insert\s+into|update\s+\w+\s+set|delete\s+from|syntax error at|violates \w+ constraint|relation "|column "|invalid input syntax)/i;
/** Written by a refused request on purpose: the audit trail of failed logins and refusals, and sessions. */
const ALLOWED_TO_GROW = new Set(['audit_log', 'sessions']);

async function tableCounts(db: AnyDb): Promise<Map<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const names = tables.rows.map((r) => r.table_name).filter((n) => !ALLOWED_TO_GROW.has(n));
  const select = names.map((n) => `(select count(*) from "${n}")::int as "${n}"`).join(', ');
  const { rows } = await sql<Record<string, number>>`${sql.raw(`select ${select}`)}`.execute(db);
  return new Map(Object.entries(rows[0] ?? {}));
}

function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([name, count]) => before.get(name) !== count)
    .map(([name, count]) => `${name} ${before.get(name)}→${count}`);
}

/** A record id of every table that has one (users aside, so no account is changed under the fuzzer). */
async function knownIds(db: AnyDb): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db);
  const ids: string[] = [];
  for (const { table_name } of tables.rows) {
    if (table_name === 'users') continue;
    const row = await sql<{ id: string }>`${sql.raw(`select id from "${table_name}" order by id limit 1`)}`.execute(db);
    if (row.rows[0]) ids.push(row.rows[0].id);
  }
  return ids;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { app, db } = options;
  await app.ready();
  const { operations: all, resolve } = operationsOf(app.swagger());
  const operations = all.filter((op) => !options.only || options.only.test(`${op.method} ${op.path}`));
  const ids = await knownIds(db);
  const report: FuzzReport = {
    operations: operations.length,
    identities: IDENTITIES.length,
    cases: 0,
    refusedWrites: 0,
    statuses: {},
    findings: [],
  };
  const cookies = new Map<string, string | undefined>();
  const cookieOf = async (identity: string, fresh = false) => {
    if (identity === 'anonymous') return undefined;
    if (fresh || !cookies.has(identity)) cookies.set(identity, await options.login(identity));
    return cookies.get(identity);
  };
  let counts = await tableCounts(db);
  const total = operations.length * IDENTITIES.length * options.runsPerIdentity;
  for (const [o, op] of operations.entries()) {
    const arbitrary = requestsFor(op, resolve, ids);
    for (const [i, identity] of IDENTITIES.entries()) {
      const samples = fc.sample(arbitrary, { seed: options.seed + o * 1000 + i, numRuns: options.runsPerIdentity });
      for (const request of samples) {
        let cookie = await cookieOf(identity);
        if (identity !== 'anonymous' && !cookie) continue;
        const send = () =>
          app.inject({
            method: request.method as 'GET',
            url: request.url,
            headers: { ...(cookie ? { cookie } : {}), ...(request.contentType ? { 'content-type': request.contentType } : {}) },
            ...(request.payload !== undefined ? { payload: request.payload } : {}),
          });
        let response = await send();
        // A fuzzed logout or password change may have ended this role's session: sign in again once.
        if (response.statusCode === 401 && cookie && !op.path.startsWith('/api/auth/')) {
          cookie = await cookieOf(identity, true);
          response = await send();
        }
        report.cases++;
        const status = response.statusCode;
        report.statuses[String(status)] = (report.statuses[String(status)] ?? 0) + 1;
        const found = (rule: string) =>
          report.findings.push({ identity, request: brief(request), status, rule, body: response.body.slice(0, 400) });
        if (status >= 500) found('5xx');
        const type = String(response.headers['content-type'] ?? '');
        const textual = /json|text|html|xml/.test(type) || type === '';
        if (textual && STACK.test(response.body)) found('stack trace or source path in the answer');
        if (status >= 400 && textual && SQL_TEXT.test(response.body)) found('SQL text in an error');
        if (status >= 400 && op.path.startsWith('/api/') && !isErrorShape(response.body))
          found('error without { error: { code, message } }');
        if (request.method !== 'GET') {
          const after = await tableCounts(db);
          if (status >= 400) {
            report.refusedWrites++;
            const changed = changedTables(counts, after);
            if (changed.length) found(`refused write changed row counts: ${changed.join(', ')}`);
          }
          counts = after;
        }
        options.onProgress?.(report.cases, total);
      }
    }
  }
  return report;
}

/** A fresh session of a demo account (never a cached one: the fuzzer may have ended it), or none if it cannot sign in. */
export async function signIn(app: App, username: string, password = DEMO_PASSWORD): Promise<string | undefined> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const line = [response.headers['set-cookie'] ?? []].flat().find((v) => v.startsWith('fq_session='));
  return response.statusCode === 200 && line ? (line.split(';')[0] as string) : undefined;
}

function isErrorShape(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

/** The request as a finding shows it: long payloads cut, so a report stays readable. */
function brief(request: FuzzRequest): FuzzRequest {
  const payload =
    typeof request.payload === 'string'
      ? request.payload.slice(0, 300)
      : request.payload
        ? `<${request.payload.length} bytes>`
        : undefined;
  return { ...request, url: request.url.slice(0, 300), ...(payload !== undefined ? { payload } : {}) };
}
