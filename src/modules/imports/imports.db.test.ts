import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody } from '../photos/test-images.ts';
import { idNumberCheckChar } from '../residents/id-number.ts';
import { importFinished } from './imports.service.ts';
import { readSheet } from './spreadsheet.ts';

let h: Harness;
let secretary: string;
let building: { id: string; name: string };
let otherHousehold: { id: string; name: string; unit: string };
let known: { id: string; id_number: string; name: string; household_id: string; room: string; unit: string };

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const HEADER = '楼栋,单元,房号,姓名,性别,出生日期,联系电话,身份证号,是否户主,人员标签';

const upload = (name: string, data: Buffer, cookie = secretary) => {
  const { payload, headers } = multipartBody([{ filename: name, contentType: 'text/csv', data }]);
  return h.app.inject({ method: 'POST', url: '/api/imports/register', payload, headers: { ...headers, cookie } });
};
async function run(importId: string, mapping?: object) {
  const started = await h.app.inject({
    method: 'POST',
    url: `/api/imports/register/${importId}/run`,
    payload: { mapping: mapping ?? (await get(importId)).suggestedMapping },
    headers: { cookie: secretary },
  });
  expect(started.statusCode, started.body).toBe(202);
  await importFinished(importId);
  return get(importId);
}
const get = async (importId: string) =>
  (await h.app.inject({ url: `/api/imports/register/${importId}`, headers: { cookie: secretary } })).json();
const residentsCount = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('residents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  h = await startHarness();
  secretary = await h.login('secretary');
  const found = await h.database.db
    .selectFrom('residents as r')
    .innerJoin('area_nodes as hh', 'hh.id', 'r.household_id')
    .innerJoin('area_nodes as u', 'u.id', 'hh.parent_id')
    .innerJoin('area_nodes as b', 'b.id', 'u.parent_id')
    .innerJoin('area_nodes as g', 'g.id', 'b.parent_id')
    .innerJoin('area_nodes as c', 'c.id', 'g.parent_id')
    .where('c.code', '=', 'C01')
    .select([
      'r.id',
      'r.id_number',
      'r.name',
      'r.household_id',
      'b.id as building_id',
      'b.name as building_name',
      'hh.name as room',
      'u.name as unit',
    ])
    .where('r.id_number', 'is not', null)
    .where('r.moved_out_at', 'is', null)
    .orderBy('hh.path')
    .executeTakeFirstOrThrow();
  known = found as typeof known;
  building = { id: found.building_id, name: found.building_name };
  const other = await h.database.db
    .selectFrom('area_nodes as hh')
    .innerJoin('area_nodes as u', 'u.id', 'hh.parent_id')
    .select(['hh.id', 'hh.name', 'u.name as unit'])
    .where('u.parent_id', '=', building.id)
    .where('hh.id', '!=', known.household_id)
    .orderBy('hh.path')
    .executeTakeFirstOrThrow();
  otherHousehold = other;
});
afterAll(() => h.close());

describe('population register import', () => {
  it('offers a template in xlsx and CSV with the columns the import reads', async () => {
    const xlsx = await h.app.inject({ url: '/api/imports/register/template?format=xlsx', headers: { cookie: secretary } });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const sheet = await readSheet(xlsx.rawPayload, 'xlsx');
    expect(sheet.headers).toEqual([
      '社区',
      '楼栋',
      '单元',
      '房号',
      '姓名',
      '性别',
      '出生日期',
      '联系电话',
      '身份证号',
      '是否户主',
      '人员标签',
    ]);
    const csv = await h.app.inject({ url: '/api/imports/register/template?format=csv&lang=en', headers: { cookie: secretary } });
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFCommunity,Building,Unit,Room,Name,Gender,Birth date,Phone,ID number,Household head,Tags',
    );
  });

  it('a file with deliberate errors names exactly the wrong rows and commits nothing', async () => {
    const before = await residentsCount();
    const good = id('33068119900101001');
    const lines = [
      HEADER,
      `${building.name},1,909,新住户甲,男,,13800009999,${good},是,党员`, // row 2: fine
      `${building.name},1,909,新住户乙,女,,1380000,${id('33068119920202002')},否,`, // row 3: phone
      `${building.name},1,909,新住户丙,男,,,${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'},否,`, // row 4: checksum
      `不存在的楼,1,101,新住户丁,,,,,否,`, // row 5: building
      `${building.name},99,101,新住户戊,,,,,否,`, // row 6: unit
      `${building.name},1,909,新住户己,男,,,${good},否,`, // row 7: duplicate of row 2
      `${building.name},1,909,,男,,,,否,`, // row 8: name missing
      `${building.name},${otherHousehold.unit.replace('单元', '')},${otherHousehold.name.replace('室', '')},${known.name},,,,${known.id_number},否,`, // row 9: lives elsewhere
    ];
    const uploaded = await upload('register.csv', Buffer.from(lines.join('\n')));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ format: 'csv', encoding: 'utf-8', totalRows: 8, status: 'uploaded' });
    const done = await run(uploaded.json().id);
    expect(done.status).toBe('invalid');
    expect(
      done.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code.split(':')[0]]),
    ).toEqual([
      [3, 'phone', 'PHONE_FORMAT'],
      [4, 'idNumber', 'ID_NUMBER_CHECKSUM'],
      [5, 'building', 'BUILDING_NOT_FOUND'],
      [6, 'unit', 'UNIT_NOT_FOUND'],
      [7, 'idNumber', 'DUPLICATE_IN_FILE'],
      [8, 'name', 'REQUIRED'],
      [9, 'idNumber', 'REGISTERED_ELSEWHERE'],
    ]);
    expect(done.errors[4].code).toBe('DUPLICATE_IN_FILE:2');
    expect(await residentsCount()).toBe(before);
    const report = await h.app.inject({
      url: `/api/imports/register/${done.id}/errors?format=xlsx`,
      headers: { cookie: secretary },
    });
    const sheet = await readSheet(report.rawPayload, 'xlsx');
    expect(sheet.headers.slice(0, 3)).toEqual(['原行号', '错误', '楼栋']);
    expect(sheet.rows.map((r) => r.原行号)).toEqual(['3', '4', '5', '6', '7', '8', '9']);
    expect(sheet.rows[0]?.联系电话).toBe('1380000');
    expect(sheet.rows[0]?.错误).toMatch(/phone/);
  });

  it('a clean GBK file commits all rows, creating the new household; importing it again updates them', async () => {
    const before = await residentsCount();
    const rows = [
      HEADER,
      `${building.name},1,909,新住户甲,男,1990-01-01,13800009999,${id('33068119900101001')},是,党员、志愿者`,
      `${building.name},1,909,新住户乙,女,,,${id('33068119920202002')},否,`,
      `${building.name},${known.unit},${known.room},${known.name},,,13911112222,${known.id_number},是,`,
    ];
    const uploaded = await upload('户籍.csv', encodeGbk(rows.join('\r\n')));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ encoding: 'gbk', headers: HEADER.split(',') });
    const done = await run(uploaded.json().id);
    expect(done).toMatchObject({ status: 'committed', inserted: 2, updated: 1, householdsCreated: 1, errorCount: 0 });
    expect(await residentsCount()).toBe(before + 2);
    const updated = await h.database.db.selectFrom('residents').selectAll().where('id', '=', known.id).executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ phone: '13911112222', is_household_head: true, household_id: known.household_id });
    const events = await h.database.db
      .selectFrom('events')
      .select(['type', 'entity_id'])
      .where('type', 'in', ['resident.registered', 'resident.updated', 'register_import.committed'])
      .where('at', '>=', new Date(done.createdAt))
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual([
      'register_import.committed',
      'resident.registered',
      'resident.registered',
      'resident.updated',
    ]);

    const again = await h.app.inject({
      method: 'POST',
      url: `/api/imports/register/${done.id}/run`,
      payload: { mapping: done.suggestedMapping },
      headers: { cookie: secretary },
    });
    expect(again.json().error.code).toBe('IMPORT_STARTED');
    const reimport = await upload('户籍.csv', encodeGbk(rows.join('\r\n')));
    const second = await run(reimport.json().id);
    expect(second).toMatchObject({ status: 'committed', inserted: 0, updated: 3, householdsCreated: 0 });
    expect(await residentsCount()).toBe(before + 2);
  });

  it('refuses a mapping without the required columns, other files, and people who may not import', async () => {
    const uploaded = await upload('x.csv', Buffer.from(`${HEADER}\n${building.name},1,101,某人,,,,,否,`));
    const bad = await h.app.inject({
      method: 'POST',
      url: `/api/imports/register/${uploaded.json().id}/run`,
      payload: { mapping: { building: '楼栋', unit: '单元', room: '房号' } },
      headers: { cookie: secretary },
    });
    expect(bad.json().error).toMatchObject({ code: 'MAPPING_REQUIRED', field: 'mapping.name' });
    expect((await upload('x.pdf', Buffer.from('%PDF'))).json().error.code).toBe('IMPORT_FORMAT');
    expect((await upload('x.csv', Buffer.from(HEADER))).json().error.code).toBe('IMPORT_EMPTY');
    const leader = await h.login('leader');
    expect((await upload('x.csv', Buffer.from(HEADER), leader)).statusCode).toBe(403);
    const staff = await h.login('grid');
    const theirs = await h.app.inject({ url: `/api/imports/register/${uploaded.json().id}`, headers: { cookie: staff } });
    expect(theirs.statusCode).toBe(404);
  });
});

/** Node decodes GBK but has no encoder: the bytes of each character found by decoding every two-byte code once. */
let gbkTable: Map<string, number[]> | undefined;
function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
  }
  const table = gbkTable;
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
}
