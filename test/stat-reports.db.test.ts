import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstWorkingDay, runMonthlyReports } from '../src/modules/stats/reports.service.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
let street: { id: string };
let community: { id: string };
const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  street = await db.selectFrom('area_nodes').select('id').where('level', '=', 'street').executeTakeFirstOrThrow();
  community = await db.selectFrom('area_nodes').select('id').where('code', '=', 'C01').executeTakeFirstOrThrow();
});
afterAll(() => h.close());

const as = async (username: string) => {
  const cookie = await h.login(username);
  return {
    get: (url: string) => h.app.inject({ url, headers: { cookie } }),
    post: (url: string, payload: object) => h.app.inject({ method: 'POST', url, payload, headers: { cookie } }),
  };
};

describe('monthly reports', () => {
  let id: string;
  let pdf: Buffer;

  it('the leader produces a community month: a PDF in Chinese with charts, and an xlsx with the same figures', async () => {
    const leader = await as('leader');
    const created = await leader.post('/api/stats/reports', { nodeId: community.id, month: lastMonth() });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json()).toMatchObject({ month: lastMonth(), lang: 'zh-CN' });
    const file = await leader.get(`/api/stats/reports/${id}/pdf`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    pdf = file.rawPayload;
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('统计月报');
    expect(text).toContain('按期办结率');
    expect(text).toContain('响应率');
    const xlsx = await leader.get(`/api/stats/reports/${id}/xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['摘要', '主要指标', '下级区域', '案件分类（前15）', '每日']);
    const figures = await leader.get(`/api/stats/figures?nodeId=${community.id}&period=month&at=${lastMonth()}-01`);
    const received = figures.json().indicators.find((i: { code: string }) => i.code === 'received').value;
    const row = book.getWorksheet('主要指标')?.getRow(5);
    expect(String(row?.getCell(1).value)).toBe('受理量');
    expect(row?.getCell(2).value).toBe(received);
  });

  it('in English too: the narrative and the tables in English, the same figures', async () => {
    const leader = await as('leader');
    const created = await leader.post('/api/stats/reports', { nodeId: street.id, month: lastMonth(), lang: 'en' });
    expect(created.statusCode, created.body).toBe(201);
    const file = await leader.get(`/api/stats/reports/${created.json().id}/pdf`);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(file.rawPayload)), { mergePages: true });
    expect(text).toContain('monthly report');
    expect(text).toContain('On-time rate');
    expect(text).toMatch(/received \d+ cases/);
  });

  it('renders to pages that pdftoppm can draw', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fq-report-'));
    writeFileSync(path.join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'report.pdf'), path.join(dir, 'page')]);
    if (process.env.REPORT_PNG_DIR) execFileSync('cp', ['-r', `${dir}/.`, process.env.REPORT_PNG_DIR]);
  });

  it('is listed to the leader and read by the secretary of its community; a resident reads no figures', async () => {
    expect((await (await as('leader')).get('/api/stats/reports')).json().items.map((r: { id: string }) => r.id)).toContain(id);
    expect((await (await as('secretary')).get(`/api/stats/reports/${id}`)).statusCode).toBe(200);
    const resident = await as('resident');
    expect((await resident.get('/api/stats/reports')).statusCode).toBe(403);
  });

  it('a month to come or a malformed one is refused with its field', async () => {
    const leader = await as('leader');
    const future = await leader.post('/api/stats/reports', { nodeId: community.id, month: '2999-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'MONTH_IN_FUTURE', field: 'month' });
    const bad = await leader.post('/api/stats/reports', { nodeId: community.id, month: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('month');
  });

  it("the monthly job makes last month's missing reports of the street and its communities once, from the first working day on", async () => {
    const deps = { db: h.database.db, timeZone: h.config.timeZone };
    const first = await firstWorkingDay(deps, street.id, '2026-10-15');
    expect(first).toBe('2026-10-08'); // National Day holidays 1-7 October 2026
    const before = await runMonthlyReports({ ...deps, now: () => new Date('2026-10-07T02:00:00Z') });
    expect(before).toBe(0);
    const produced = await runMonthlyReports({ ...deps, now: () => new Date('2026-10-08T02:00:00Z') });
    const communities = await h.database.db
      .selectFrom('area_nodes')
      .select('id')
      .where('level', '=', 'community')
      .where('parent_id', '=', street.id)
      .execute();
    expect(produced).toBe(1 + communities.length);
    expect(await runMonthlyReports({ ...deps, now: () => new Date('2026-10-12T02:00:00Z') })).toBe(0);
    // The secretary of C01 sees their community's September, not another community's (404).
    const items = (await (await as('leader')).get('/api/stats/reports')).json().items as {
      id: string;
      month: string;
      node: { id: string; name: string };
    }[];
    const september = items.filter((r) => r.month === '2026-09');
    expect(september).toHaveLength(produced);
    const secretary = await as('secretary');
    const other = september.find((r) => r.node.id !== community.id && r.node.id !== street.id);
    expect((await secretary.get(`/api/stats/reports/${other?.id}/pdf`)).statusCode).toBe(404);
  });
});
