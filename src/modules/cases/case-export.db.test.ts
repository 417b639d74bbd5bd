import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { loadActor } from '../access/access.repository.ts';
import { GridLocator } from '../areas/grid-locator.ts';
import { exportCases } from './case-export.ts';
import { caseDepsOf } from './cases.routes.ts';

let h: Harness;
let gridA: { id: string; name: string };
let gridB: { id: string; name: string };
let injected: { id: string; number: string };
let walkIn: { id: string; number: string };

async function get(username: string, url: string) {
  return h.app.inject({ url, headers: { cookie: await h.login(username) } });
}

async function report(username: string, body: object) {
  const response = await h.app.inject({
    method: 'POST',
    url: '/api/cases',
    payload: body,
    headers: { cookie: await h.login(username) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().case;
}

/** Every number the list shows under the same filters, page after page. */
async function listedNumbers(username: string, filters: string): Promise<string[]> {
  const numbers: string[] = [];
  let cursor = '';
  do {
    const page = (await get(username, `/api/cases?limit=7&${filters}${cursor ? `&cursor=${cursor}` : ''}`)).json();
    numbers.push(...page.items.map((item: { number: string }) => item.number));
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return numbers;
}

async function workbookOf(username: string, filters: string) {
  const response = await get(username, `/api/cases/export.xlsx?${filters}`);
  expect(response.statusCode, response.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  return { response, sheet, header: (sheet.getRow(1).values as unknown[]).slice(1), rows: rows.map((row) => row.slice(1)) };
}

beforeAll(async () => {
  h = await startHarness();
  const db = h.database.db;
  const categories = (await h.app.inject({ url: '/api/case-categories' })).json().items;
  const garbage = categories[0].children[0].id;
  const grid = (code: string) =>
    db.selectFrom('area_nodes').select(['id', 'name']).where('code', '=', code).executeTakeFirstOrThrow();
  gridA = await grid('C01G01');
  gridB = await grid('C01G02');
  const place = { categoryId: garbage, source: 'walk_in', contact: { name: '赵建国', phone: '13800138000' } };
  injected = await report('grid', {
    ...place,
    gridId: gridA.id,
    title: '=HYPERLINK("http://evil.example","点这里")',
    description: 'x',
  });
  await report('grid', { ...place, gridId: gridA.id, title: '+1 路灯不亮', description: '3号楼路灯不亮' });
  walkIn = await report('secretary', { ...place, gridId: gridB.id, description: '@所有人 楼道堆放杂物' });
});
afterAll(() => h.close());

describe('the case export', () => {
  it('holds exactly the rows of the list under the same filters, in its order', async () => {
    for (const filters of ['sort=newest', 'sort=deadline&open=true', `nodeId=${gridA.id}&sort=deadline`, 'q=路灯']) {
      const { rows } = await workbookOf('secretary', filters);
      expect(
        rows.map((row) => row[0]),
        filters,
      ).toEqual(await listedNumbers('secretary', filters));
    }
  });

  it('walks the list page by page on the server and stops at the cap, saying so', async () => {
    const user = await h.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'secretary')
      .executeTakeFirstOrThrow();
    const actor = await loadActor(h.database.db, user.id);
    if (!actor) throw new Error('no actor');
    const deps = caseDepsOf({ config: h.config, database: h.database, gridLocator: new GridLocator(), version: 'test' });
    const all = await listedNumbers('secretary', 'sort=deadline');
    expect(all.length).toBeGreaterThan(3);
    const numbersOf = async (limits: { pageSize: number; maxRows: number }) => {
      const file = await exportCases(deps, actor, { sort: 'deadline' }, 'en', limits);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
      const values = (workbook.worksheets[0] as ExcelJS.Worksheet).getColumn(1).values.slice(2);
      return { values, truncated: file.truncated };
    };
    expect(await numbersOf({ pageSize: 2, maxRows: 10_000 })).toEqual({ values: all, truncated: false });
    expect(await numbersOf({ pageSize: 2, maxRows: 3 })).toEqual({ values: all.slice(0, 3), truncated: true });
  });

  it('has a header row in the caller’s language, Chinese unless asked otherwise', async () => {
    const zh = await workbookOf('secretary', '');
    expect(zh.header).toEqual([
      '编号',
      '标题',
      '类别',
      '状态',
      '办理层级',
      '网格',
      '来源',
      '紧急程度',
      '上报时间',
      '办理时限',
      '时限状态',
      '承办人',
      '评价',
    ]);
    const en = await workbookOf('secretary', 'lang=en');
    expect(en.header[0]).toBe('Number');
    const row = en.rows.find((r) => r[0] === walkIn.number) as unknown[];
    expect(row.slice(3, 8)).toEqual(['Reported', 'Grid', gridB.name, 'Walk-in', 'Normal']);
    expect(row[8]).toBeInstanceOf(Date);
    expect(en.response.headers['content-type']).toContain('spreadsheetml');
    expect(en.response.headers['content-disposition']).toMatch(/^attachment; filename="fengqiao-cases-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  });

  it('is scoped like the list: a grid worker’s export holds only their own grid', async () => {
    const { rows } = await workbookOf('grid', 'lang=en');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row[5] === gridA.name)).toBe(true);
    expect(rows.map((row) => row[0])).not.toContain(walkIn.number);
    expect(rows.map((row) => row[0])).toEqual(await listedNumbers('grid', ''));
  });

  it('neutralises text a spreadsheet would run as a formula, and never exports the reporter’s contact', async () => {
    const { sheet, rows } = await workbookOf('secretary', '');
    const titles = rows.map((row) => row[1]);
    expect(titles).toContain('\'=HYPERLINK("http://evil.example","点这里")');
    expect(titles).toContain("'+1 路灯不亮");
    expect(titles).toContain("'@所有人 楼道堆放杂物");
    const formulas: unknown[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      });
    });
    expect(formulas).toEqual([]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('赵建国');
    expect(rows.find((row) => row[0] === injected.number)).toBeDefined();
  });

  it('answers 401 to an anonymous caller, 400 to an unknown language and 404 to an area outside the caller’s scope; it is documented', async () => {
    expect((await h.app.inject({ url: '/api/cases/export.xlsx' })).statusCode).toBe(401);
    expect((await get('secretary', '/api/cases/export.xlsx?lang=fr')).json().error).toMatchObject({ field: 'lang' });
    expect((await get('grid', `/api/cases/export.xlsx?nodeId=${gridB.id}`)).statusCode).toBe(404);
    const spec = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths['/api/cases/export.xlsx'].get.responses[200].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
