import { readdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, pixelBombPng, solidImage } from '../src/modules/photos/test-images.ts';
import { as, ok, refused } from './api-as.ts';
import { categoryId, pointInGrid } from './fixtures.ts';
import { type Harness, startHarness } from './harness.ts';

/**
 * Hostile input at the edge, case by case (the OpenAPI fuzzer covers every route at random):
 * photos that are bombs or not photos at all, file names that climb out of the data folder,
 * SQL and markup kept as plain data all the way to the spreadsheet and the PDF, and request
 * bodies that are too long, not UTF-8 or ambiguous.
 */
const SQL = "'; DROP TABLE cases; -- 1' OR '1'='1";
const HTML = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const HOSTILE = `${SQL} ${HTML} =1+1`;

let h: Harness;
let garbage: string;
let point: { lon: number; lat: number };
beforeAll(async () => {
  h = await startHarness();
  garbage = await categoryId(h, 'ENV_GARBAGE');
  point = await pointInGrid(h, 'C01G01');
});
afterAll(() => h.close());

async function uploadAs(username: string, filename: string, contentType: string, data: Buffer) {
  const { payload, headers } = multipartBody([{ filename, contentType, data }]);
  return h.app.inject({ method: 'POST', url: '/api/photos', payload, headers: { ...headers, cookie: await h.login(username) } });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('photo uploads', () => {
  it('refuses a decompression bomb before decoding it, and stores nothing', async () => {
    const before = await filesUnder(h.config.dataDir);
    const bomb = await uploadAs('grid', 'bomb.png', 'image/png', pixelBombPng(30_000, 30_000));
    expect(refused(bomb, 400)).toMatchObject({ code: 'PHOTO_TOO_MANY_PIXELS', field: 'file' });
    expect(await filesUnder(h.config.dataDir)).toEqual(before);
  });

  it('refuses files that only claim to be images: text, HTML, SVG with script, a PDF, a GIF', async () => {
    const fakes: [string, string, Buffer][] = [
      ['x.jpg', 'image/jpeg', Buffer.from('just text, not a photo')],
      ['x.png', 'image/png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['x.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['x.jpg', 'image/jpeg', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')],
      ['x.gif', 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
      // JPEG magic bytes and then garbage: sniffed as JPEG, refused as unreadable.
      ['x.jpg', 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x41)])],
    ];
    for (const [name, type, data] of fakes) {
      const response = await uploadAs('grid', name, type, data);
      expect(response.statusCode, `${name} ${type}`).toBe(400);
      expect(response.json().error.code).toMatch(/^PHOTO_(UNSUPPORTED_TYPE|UNREADABLE)$/);
    }
  });

  it('ignores the file name: one that climbs out of the data folder stores the photo by its hash inside it', async () => {
    const outside = path.resolve(h.config.dataDir, '..');
    const before = await readdir(outside);
    for (const name of ['../../../../tmp/evil.jpg', '..\\..\\evil.jpg', '/etc/passwd', 'a\u0000b.jpg', '%2e%2e%2fevil.jpg']) {
      const response = await uploadAs('grid', name, 'image/jpeg', await solidImage('jpeg', 40 + name.length, 30));
      const photo = await ok(response, 201);
      expect(JSON.stringify(photo)).not.toContain('..');
      expect(JSON.stringify(photo)).not.toContain('passwd');
    }
    expect(await readdir(outside)).toEqual(before);
    for (const file of await filesUnder(h.config.dataDir))
      expect(path.relative(h.config.dataDir, file)).not.toMatch(/^\.\.|evil|passwd/);
  });
});

describe('SQL and markup are data, everywhere they are shown', () => {
  let caseId: string;

  it('the API stores and returns them exactly, and nothing is dropped', async () => {
    const staff = await as(h, 'staff');
    const created = await ok(
      await staff.post('/api/cases', {
        categoryId: garbage,
        title: HOSTILE.slice(0, 100),
        description: HOSTILE,
        ...point,
        source: 'walk_in',
      }),
      201,
    );
    caseId = created.case.id;
    const read = await ok(await staff.get(`/api/cases/${caseId}`));
    expect(read.title).toBe(HOSTILE.slice(0, 100));
    expect(read.description).toBe(HOSTILE);
    expect(await h.database.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()).toBeDefined();
    const list = await ok(await staff.get(`/api/cases?q=${encodeURIComponent(SQL)}`));
    expect(list.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('the case spreadsheet holds the text literally, the formula neutralised, no cell a formula', async () => {
    const title = `=1+1 ${SQL}`.slice(0, 100);
    const staff = await as(h, 'staff');
    await ok(await staff.post('/api/cases', { categoryId: garbage, title, description: HTML, ...point, source: 'walk_in' }), 201);
    const response = await staff.get('/api/cases/export.xlsx?lang=en');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as never);
    const cells: unknown[] = [];
    book.worksheets[0]?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        cells.push(cell.value);
      }),
    );
    expect(cells).toContain(`'${title}`);
    expect(cells).toContain(HOSTILE.slice(0, 100));
  });

  it('the mediation agreement PDF prints them literally', async () => {
    const grid = await as(h, 'grid');
    const opened = await ok(
      await grid.post('/api/mediation/disputes', {
        source: 'case',
        caseId,
        type: 'compensation',
        title: HTML,
        facts: HOSTILE,
        parties: [{ side: 'respondent', name: '<b>李</b>', phone: '13800001111' }],
        peopleInvolved: 2,
        riskLevel: 'low',
      }),
      201,
    );
    const id = opened.id;
    await ok(await grid.post(`/api/mediation/disputes/${id}/state`, { to: 'in_mediation' }));
    await ok(
      await grid.post(`/api/mediation/disputes/${id}/agreement`, { facts: HOSTILE, terms: [SQL, HTML], schedule: [] }),
      201,
    );
    const pdf = await grid.get(`/api/mediation/disputes/${id}/agreement.pdf?lang=zh-CN`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    for (const expected of [SQL, HTML, '<b>李</b>']) expect(flat).toContain(expected.replace(/\s+/g, ''));
  });
});

describe('long, broken and ambiguous bodies', () => {
  it('takes Chinese text up to the limit and refuses one character more with the field named', async () => {
    const resident = await as(h, 'resident');
    const long = '楼道堆放杂物'.repeat(834).slice(0, 5000);
    const created = await ok(await resident.post('/api/cases', { categoryId: garbage, description: long, ...point }), 201);
    expect((await ok(await resident.get(`/api/cases/${created.case.id}`))).description).toBe(long);
    const over = await resident.post('/api/cases', { categoryId: garbage, description: `${long}楼`, ...point });
    expect(refused(over, 400)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'description' });
    const title = await resident.post('/api/cases', { categoryId: garbage, title: '路'.repeat(101), description: 'x', ...point });
    expect(refused(title, 400)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'title' });
  });

  it('refuses a body that is not UTF-8, and one over the size limit, with nothing written', async () => {
    const cookie = await h.login('resident');
    const count = async () =>
      Number(
        (
          await h.database.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const head = Buffer.from(`{"categoryId":"${garbage}","lon":${point.lon},"lat":${point.lat},"description":"`);
    const invalid = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: invalid,
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(refused(bad, 400).code).toBe('INVALID_UTF8');
    const big = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: JSON.stringify({ categoryId: garbage, description: '中'.repeat(600_000), ...point }),
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(refused(big, 413).code).toBe('BODY_TOO_LARGE');
    expect(await count()).toBe(before);
  });

  it('refuses a body that gives the same key twice, whichever value would have won', async () => {
    const cookie = await h.login('resident');
    const text = `{"categoryId":"${garbage}","description":"第一","lon":${point.lon},"lat":${point.lat},"description":"第二"}`;
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: text,
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(refused(response, 400)).toMatchObject({ code: 'DUPLICATE_KEY', field: 'description' });
    const nested = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":"resident","password":"x","password":"fengqiao-demo"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(refused(nested, 400).code).toBe('DUPLICATE_KEY');
    // Open311 answers in its own error shape, with the status the refusal carries (it was a 500 before).
    const open311 = await h.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: '{"a":1,"a":2}',
      headers: { 'content-type': 'application/json' },
    });
    expect(open311.statusCode).toBe(400);
    expect(open311.json()).toEqual([{ code: 400, description: expect.stringContaining('twice') }]);
  });

  it('refuses prototype pollution and a broken URL in the app’s own error shape', async () => {
    const cookie = await h.login('resident');
    const proto = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: '{"__proto__":{"admin":true}}',
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.code).toEqual(expect.any(String));
    const url = await h.app.inject({ url: '/api/cases/%E4%B8', headers: { cookie } });
    expect(refused(url, 400).code).toBe('BAD_URL');
    const long = await h.app.inject({ url: `/api/cases/${'x'.repeat(500)}`, headers: { cookie } });
    expect(refused(long, 414).code).toBe('URL_TOO_LONG');
  });
});
