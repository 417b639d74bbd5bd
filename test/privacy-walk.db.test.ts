import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { GridLocator } from '../src/modules/areas/grid-locator.ts';
import { UNMASKED_READ_ACTIONS } from '../src/modules/audit/audit.repository.ts';
import { payloadOf } from '../src/modules/webhooks/delivery-worker.ts';
import type { App } from '../src/platform/http/app-types.ts';
import { type Harness, startHarness } from './harness.ts';
import { classify, RECORDS, type RecordKind } from './route-classes.ts';

/**
 * Walks every response that can carry a phone number, an ID number or a care file, as every
 * demo role: every list and every record page (a record of each kind in and out of scope), the
 * exports, the webhook payloads waiting in the outbox and the server's own log lines. A full
 * number may appear only to a role holding a permission that needs it, and then the read is in
 * the audit log; to everyone else it is masked or absent.
 */
const ROLES = ['admin', 'leader', 'secretary', 'staff', 'grid', 'dept', 'property', 'mediator', 'partner', 'resident'] as const;
/** Permissions that let a role see someone's number in full (each read of it is audited). */
const UNMASKING = [
  'residents.read_sensitive',
  'cases.read_contact',
  'mediation.read',
  'care.read',
  'services.manage',
  'volunteers.manage',
];

let h: Harness;
let secrets: Map<string, string>;
beforeAll(async () => {
  h = await startHarness();
  // Every full phone and ID number the demo street holds, with whose it is (the owner may see their own).
  const { rows } = await sql<{ value: string; owner: string | null }>`
    select phone as value, (select u.username from users u where u.resident_id = r.id limit 1) as owner from residents r where phone is not null
    union all select id_number, (select u.username from users u where u.resident_id = r.id limit 1) from residents r where id_number is not null
    union all select reporter_phone, (select username from users where id = reporter_user_id) from cases where reporter_phone is not null
    union all select phone, null from dispute_parties where phone is not null
    union all select id_number, null from dispute_parties where id_number is not null
    union all select contact_phone, (select username from users where id = requester_user_id) from service_requests where contact_phone is not null
    union all select phone, username from users where phone is not null`.execute(h.database.db);
  secrets = new Map(rows.filter((r) => r.value.length >= 11).map((r) => [r.value, r.owner ?? '']));
});
afterAll(() => h.close());

function leaked(text: string, role: string): string[] {
  return [...secrets].filter(([value, owner]) => owner !== role && text.includes(value)).map(([value]) => value);
}

async function permissionsOf(role: string): Promise<string[]> {
  return (await h.app.inject({ url: '/api/me', headers: { cookie: await h.login(role) } })).json().permissions;
}

async function workbookText(bytes: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  const cells: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
  return cells.join('\n');
}

describe('personal data in every response', () => {
  it('holds enough numbers to look for', () => {
    expect(secrets.size).toBeGreaterThan(100);
  });

  it('shows a full number only to a role that needs it, and audits each such read', { timeout: 300_000 }, async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const lists = Object.entries(doc.paths)
      .filter(([url, ops]) => 'get' in ops && !url.includes('{') && url.startsWith('/api/') && !url.endsWith('.xlsx'))
      .map(([url]) => url);
    const records: { url: string; kind: RecordKind }[] = [];
    for (const [kind, spec] of Object.entries(RECORDS) as [RecordKind, (typeof RECORDS)[RecordKind]][]) {
      const { rows } = await sql<{
        id: string;
      }>`${sql.raw(`select id::text from ${spec.table}${spec.where ? ` where ${spec.where}` : ''} order by id limit 3`)}`.execute(
        h.database.db,
      );
      const detail = Object.keys(doc.paths).find((url) => classify(`GET ${url}`) === kind && /^[^{]+\{\w+\}$/.test(url));
      if (detail) for (const row of rows) records.push({ kind, url: detail.replace(/\{\w+\}/, row.id) });
    }
    const wrong: string[] = [];
    let responses = 0;
    for (const role of ROLES) {
      const cookie = await h.login(role);
      const unmasking = (await permissionsOf(role)).some((p) => UNMASKING.includes(p));
      for (const url of [...lists.map((u) => `${u}?limit=100`), ...records.map((r) => r.url)]) {
        const before = await auditCount(role);
        const response = await h.app.inject({ url, headers: { cookie } });
        responses++;
        const seen = leaked(response.body, role);
        if (seen.length === 0) continue;
        if (!unmasking) wrong.push(`${role} ${url}: ${seen.length} full numbers without a permission that needs them`);
        else if ((await auditCount(role)) === before)
          wrong.push(
            `${role} ${url}: ${seen.length} full numbers, not audited ${process.env.WALK_DEBUG ? seen.map((v) => response.body.slice(Math.max(0, response.body.indexOf(v) - 120), response.body.indexOf(v) + 20)).join(' / ') : ''}`,
          );
      }
    }
    process.stdout.write(`privacy walk: ${responses} responses for ${ROLES.length} roles, ${secrets.size} numbers looked for\n`);
    expect(wrong).toEqual([]);

    // The administrator finds those reads: only unmasked reads, by account.
    const admin = await h.login('admin');
    const all = (await h.app.inject({ url: '/api/audit?unmaskedReads=true&limit=100', headers: { cookie: admin } })).json();
    for (const entry of all.items) expect(UNMASKED_READ_ACTIONS).toContain(entry.action);
    expect(all.items.map((e: { subjectType: string }) => e.subjectType)).toEqual(
      expect.arrayContaining(['user', 'patrol_partner']),
    );
    const bySecretary = (
      await h.app.inject({ url: '/api/audit?unmaskedReads=true&actorUsername=secretary', headers: { cookie: admin } })
    ).json();
    expect(bySecretary.items.length).toBeGreaterThan(0);
    expect(bySecretary.items.every((e: { actorUsername: string }) => e.actorUsername === 'secretary')).toBe(true);
  });

  it('never puts a full number in an export, for any role', async () => {
    for (const role of ROLES) {
      const cookie = await h.login(role);
      for (const url of ['/api/cases/export.xlsx', '/api/care/files/export.xlsx']) {
        const response = await h.app.inject({ url, headers: { cookie } });
        if (response.statusCode !== 200) continue;
        expect(leaked(await workbookText(response.rawPayload), '')).toEqual([]);
      }
    }
  });

  it('never puts a full number in a webhook payload', async () => {
    // Every event that is or could be sent to a subscriber, as the worker would sign and post it.
    const { rows } = await sql<{ id: number; event_id: number }>`select id, event_id from webhook_deliveries`.execute(
      h.database.db,
    );
    const events = await sql<{
      id: number;
    }>`select id from events where entity_type in ('case', 'hazard', 'dispute') order by id desc limit 300`.execute(
      h.database.db,
    );
    const payloads = [
      ...(await Promise.all(rows.map((r) => payloadOf(h.database.db, r.event_id, r.id)))),
      ...(await Promise.all(events.rows.map((e) => payloadOf(h.database.db, e.id, 0)))),
    ];
    expect(payloads.length).toBeGreaterThan(100);
    expect(leaked(JSON.stringify(payloads), '')).toEqual([]);
  });
});

describe('the server log', () => {
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(
      { config: h.config, database: h.database, gridLocator: new GridLocator(), version: 'test' },
      { level: 'info', stream },
    );
  });
  afterAll(() => app.close());

  it('holds no password, session token, phone or ID number, whatever was sent or read', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secretary', password: 'fengqiao-demo' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const phone = [...secrets.keys()].find((s) => /^1\d{10}$/.test(s)) as string;
    await app.inject({ url: `/api/residents?q=${phone}`, headers: { cookie } });
    await app.inject({ url: '/api/residents?limit=50', headers: { cookie } });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'secretary', password: 'wrong-password-123' },
    });
    await app.inject({ method: 'POST', url: '/api/cases', payload: { contact: { phone: '13912345678' } }, headers: { cookie } });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of ['fengqiao-demo', 'wrong-password-123', cookie.split('=')[1] as string, '13912345678', phone]) {
      expect(log, secret).not.toContain(secret);
    }
    expect(leaked(log, '')).toEqual([]);
  });
});

async function auditCount(role: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id
    where u.username = ${role} and a.action <> 'auth.login'`.execute(h.database.db);
  return row.rows[0]?.n ?? 0;
}
