import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { childNames, childText, readXml, type XmlElement } from './xml-reader.ts';

/** The field lists of GeoReport v2, in the spec's order. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
const W3 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const V2 = '/open311/v2';

let h: Harness;
let key: string;
let point: { lon: number; lat: number };

type Response = Awaited<ReturnType<Harness['app']['inject']>>;
const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ url: `${V2}${url}`, headers });
const post = (url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const value of [v].flat()) body.append(k, value);
  return h.app.inject({
    method: 'POST',
    url: `${V2}${url}`,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
  });
};

function json(response: Response, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return response.json();
}
function xml(response: Response, status = 200): XmlElement {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return readXml(response.body);
}
/** An error answer: the status, and a list of code + description in the format asked for. */
function errorJson(response: Response, status: number): string[] {
  const body = json(response, status) as { code: number | string; description: string }[];
  expect(Array.isArray(body)).toBe(true);
  for (const item of body) expect(Object.keys(item)).toEqual(['code', 'description']);
  return body.map((item) => item.description);
}
function errorXml(response: Response, status: number): string[] {
  const root = xml(response, status);
  expect(root.name).toBe('errors');
  for (const error of root.children) {
    expect(error.name).toBe('error');
    expect(childNames(error)).toEqual(['code', 'description']);
  }
  return root.children.map((error) => childText(error, 'description') as string);
}

beforeAll(async () => {
  h = await startHarness();
  const admin = await h.login('admin');
  const issued = await h.app.inject({
    method: 'POST',
    url: '/api/integration/api-keys',
    headers: { cookie: admin },
    payload: { name: 'City app', scopes: ['open311'], rateLimitPerMinute: 1000 },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  key = issued.json().key;
  point = await pointInGrid(h, 'C01G01');
});
afterAll(() => h.close());

describe('discovery and services', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const discovery = json(await get('/discovery.json'));
    expect(Object.keys(discovery)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(discovery.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'http://localhost:80/open311/v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const root = xml(await get('/discovery.xml'));
    expect(childNames(root)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    const endpoint = root.children[3]?.children[0] as XmlElement;
    expect(endpoint.name).toBe('endpoint');
    expect(endpoint.children.find((c) => c.name === 'formats')?.children.map((f) => [f.name, f.text])).toEqual([
      ['format', 'text/xml'],
      ['format', 'application/json'],
    ]);
  });

  it('lists every category as a service, metadata true where it asks questions', async () => {
    const services = json(await get('/services.json')) as Record<string, unknown>[];
    const leaves = await h.database.db
      .selectFrom('case_categories')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', 'is not', null)
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(services.length).toBe(Number(leaves.n));
    for (const service of services) expect(Object.keys(service)).toEqual(SERVICE_FIELDS);
    expect(services.find((s) => s.service_code === 'FIRE_GAS')).toMatchObject({
      service_name: '燃气隐患',
      metadata: true,
      type: 'realtime',
      group: '消防安全',
    });
    expect(services.find((s) => s.service_code === 'ENV_DUMPING')?.metadata).toBe(false);
    const english = json(await get('/services.json?jurisdiction_id=fq', { 'accept-language': 'en-GB,en;q=0.8' }));
    expect(english.find((s: { service_code: string }) => s.service_code === 'FIRE_GAS')).toMatchObject({
      service_name: 'Gas hazard',
      description: 'Fire safety and e-bike charging: Gas hazard. The grid handles it within 2 working days.',
    });
    const root = xml(await get('/services.xml'));
    expect(root.name).toBe('services');
    expect(root.children).toHaveLength(services.length);
    for (const service of root.children) {
      expect(service.name).toBe('service');
      expect(childNames(service)).toEqual(SERVICE_FIELDS);
    }
  });

  it('defines the questions of a service with their values, and none for a plain one', async () => {
    const definition = json(await get('/services/FIRE_EBIKE_CHARGING.json', { 'accept-language': 'en' }));
    expect(Object.keys(definition)).toEqual(['service_code', 'attributes']);
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['NOTICE', 'WHERE', 'BIKES']);
    for (const attribute of definition.attributes)
      expect(Object.keys(attribute).slice(0, ATTRIBUTE_FIELDS.length)).toEqual(ATTRIBUTE_FIELDS);
    expect(definition.attributes[0]).toMatchObject({ variable: false, datatype: 'text', required: false, order: 1 });
    expect(definition.attributes[1]).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: true });
    expect(definition.attributes[1].values[0]).toEqual({ key: 'WINDOW', name: 'A window' });
    expect(json(await get('/services/ENV_DUMPING.json'))).toEqual({ service_code: 'ENV_DUMPING', attributes: [] });

    const root = xml(await get('/services/FIRE_GAS.xml'));
    expect(root.name).toBe('service_definition');
    const attribute = root.children[1]?.children[0] as XmlElement;
    expect(attribute.name).toBe('attribute');
    expect(childNames(attribute)).toEqual([...ATTRIBUTE_FIELDS, 'values']);
    expect(attribute.children.at(-1)?.children.map((v) => childNames(v))).toEqual([
      ['key', 'name'],
      ['key', 'name'],
    ]);
  });

  it('answers 404 for an unknown service or jurisdiction, and for a resource without a format', async () => {
    expect(errorJson(await get('/services/NOPE.json'), 404)[0]).toMatch(/service_code NOPE/);
    expect(errorXml(await get('/services/NOPE.xml'), 404)[0]).toMatch(/service_code NOPE/);
    expect(errorJson(await get('/services.json?jurisdiction_id=elsewhere.gov'), 404)[0]).toMatch(/jurisdiction_id/);
    expect(errorXml(await get('/services.xml?jurisdiction_id=elsewhere.gov'), 404)[0]).toMatch(/jurisdiction_id/);
    errorXml(await get('/services/FIRE_GAS'), 404);
    errorXml(await get('/nothing/here'), 404);
    errorJson(await get('/nothing.json'), 404);
  });
});

describe('posting a service request', () => {
  let number: string;

  it('takes a form with lat/long and attributes in as an ordinary case of the grid', async () => {
    const response = await post('/requests.json', {
      api_key: key,
      jurisdiction_id: 'FQ',
      service_code: 'FIRE_EBIKE_CHARGING',
      lat: String(point.lat),
      long: String(point.lon),
      description: '3号楼楼道有人飞线充电',
      first_name: '小明',
      last_name: '王',
      phone: '138 0000 1234',
      email: 'wang@example.cn',
      device_id: 'phone-1',
      account_id: 'acct-9',
      media_url: 'https://city.example/media/1.jpg',
      'attribute[WHERE]': 'CORRIDOR',
      'attribute[BIKES]': '2',
    });
    const body = json(response, 201);
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0])).toEqual(['service_request_id', 'service_notice', 'account_id']);
    expect(body[0].account_id).toBe('acct-9');
    number = body[0].service_request_id;
    expect(number).toMatch(/^\d{4}-\d{6}$/);
    const row = await h.database.db
      .selectFrom('cases')
      .innerJoin('external_cases as x', 'x.case_id', 'cases.id')
      .selectAll()
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'resident',
      state: 'reported',
      tier: 'grid',
      reporter_name: '王小明',
      reporter_phone: '13800001234',
      anonymous: false,
      channel: 'open311',
      media_url: 'https://city.example/media/1.jpg',
    });
    expect(row.description).toBe('3号楼楼道有人飞线充电\n充电线从哪里拉出？ 楼道\n正在充电的电动车数量 2');
    expect(row.attributes).toEqual({ WHERE: 'CORRIDOR', BIKES: '2' });
    expect(row.due_at).not.toBeNull();
    const events = await h.database.db.selectFrom('events').select('type').where('entity_id', '=', row.case_id).execute();
    expect(events.map((e) => e.type)).toEqual(['case.reported']);
  });

  it('answers in XML and finds the building named by address_string', async () => {
    const building = await h.database.db
      .selectFrom('area_nodes')
      .select(['id', 'name'])
      .where('level', '=', 'building')
      .orderBy('path')
      .executeTakeFirstOrThrow();
    const root = xml(
      await post('/requests.xml', {
        api_key: key,
        service_code: 'ENV_DUMPING',
        address_string: `${building.name}2单元门口`,
        description: 'Rubbish piled at the door',
      }),
      201,
    );
    expect(root.name).toBe('service_requests');
    const request = root.children[0] as XmlElement;
    expect(request.name).toBe('request');
    expect(childNames(request)).toEqual(['service_request_id', 'service_notice', 'account_id']);
    const id = childText(request, 'service_request_id') as string;
    const row = await h.database.db.selectFrom('cases').selectAll().where('number', '=', id).executeTakeFirstOrThrow();
    expect(row.building_id).toBe(building.id);
    expect(row.anonymous).toBe(true);
    // address_id names the building directly
    const byId = json(await post('/requests.json', { api_key: key, service_code: 'ENV_DUMPING', address_id: building.id }), 201);
    const third = await h.database.db
      .selectFrom('cases')
      .selectAll()
      .where('number', '=', byId[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(third.building_id).toBe(building.id);
    expect(third.description).toBe('乱扔乱堆');
  });

  it('answers 403 without a valid key, in either format', async () => {
    const form = { service_code: 'ENV_DUMPING', lat: String(point.lat), long: String(point.lon) };
    expect(errorJson(await post('/requests.json', form), 403)).toEqual(['api_key is missing.']);
    expect(errorXml(await post('/requests.xml', { ...form, api_key: 'wrong' }), 403)).toEqual(['Invalid api_key received.']);
  });

  it('answers 400 for a missing service_code, location or required attribute, listing each problem', async () => {
    expect(errorJson(await post('/requests.json', { api_key: key, lat: '1', long: '1' }), 400)).toEqual([
      'service_code was not provided.',
    ]);
    expect(errorXml(await post('/requests.xml', { api_key: key, service_code: 'FIRE_GAS' }), 400)).toEqual([
      'A location is required: lat and long, address_string or address_id.',
      'attribute[SMELL_NOW] is required: 现在还能闻到燃气味吗？',
    ]);
    expect(
      errorJson(
        await post('/requests.json', {
          api_key: key,
          service_code: 'FIRE_GAS',
          lat: String(point.lat),
          'attribute[SMELL_NOW]': 'MAYBE',
          media_url: 'ftp://x',
        }),
        400,
      ),
    ).toEqual([
      'lat and long must be sent together.',
      'media_url must be an http or https URL.',
      'attribute[SMELL_NOW] must be one of its value keys.',
    ]);
    expect(
      errorJson(await post('/requests.json', { api_key: key, service_code: 'ENV_DUMPING', lat: '30.5', long: '100.1' }), 400)[0],
    ).toMatch(/outside every grid/);
    expect(
      errorJson(await post('/requests.json', { api_key: key, service_code: 'ENV_DUMPING', address_string: '火星基地' }), 400)[0],
    ).toMatch(/address_string/);
    const notForm = await h.app.inject({
      method: 'POST',
      url: `${V2}/requests.json`,
      payload: { api_key: key },
    });
    expect(errorJson(notForm, 400)).toEqual(['Send the request as application/x-www-form-urlencoded.']);
  });

  it('answers 404 for an unknown service_code, address_id or jurisdiction, and 403 for another street', async () => {
    expect(errorJson(await post('/requests.json', { api_key: key, service_code: 'NOPE', lat: '1', long: '1' }), 404)[0]).toMatch(
      /NOPE/,
    );
    expect(
      errorXml(
        await post('/requests.xml', {
          api_key: key,
          service_code: 'ENV_DUMPING',
          address_id: '00000000-0000-0000-0000-000000000000',
        }),
        404,
      )[0],
    ).toMatch(/address_id/);
    expect(
      errorJson(await post('/requests.json', { api_key: key, jurisdiction_id: 'nowhere', service_code: 'ENV_DUMPING' }), 404)[0],
    ).toMatch(/jurisdiction_id/);
  });

  it('refuses a revoked key and one only for the hotline', async () => {
    const admin = await h.login('admin');
    const issue = (scopes: string[]) =>
      h.app.inject({
        method: 'POST',
        url: '/api/integration/api-keys',
        headers: { cookie: admin },
        payload: { name: 'x', scopes },
      });
    const hotline = (await issue(['hotline'])).json();
    const form = { service_code: 'ENV_DUMPING', lat: String(point.lat), long: String(point.lon) };
    errorJson(await post('/requests.json', { ...form, api_key: hotline.key }), 403);
    const both = (await issue(['open311', 'hotline'])).json();
    json(await post('/requests.json', { ...form, api_key: both.key }), 201);
    const revoked = await h.app.inject({
      method: 'POST',
      url: `/api/integration/api-keys/${both.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoked.json().revokedAt).not.toBeNull();
    errorXml(await post('/requests.xml', { ...form, api_key: both.key }), 403);
  });

  it('limits each key to its rate per minute with 429 and Retry-After', async () => {
    const admin = await h.login('admin');
    const slow = (
      await h.app.inject({
        method: 'POST',
        url: '/api/integration/api-keys',
        headers: { cookie: admin },
        payload: { name: 'slow', scopes: ['open311'], rateLimitPerMinute: 2 },
      })
    ).json();
    const form = { api_key: slow.key, service_code: 'NOPE', lat: '1', long: '1' };
    await post('/requests.json', form);
    await post('/requests.json', form);
    const third = await post('/requests.json', form);
    expect(errorJson(third, 429)[0]).toMatch(/Too many requests/);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  describe('reading requests back', () => {
    it('answers a request by id with every field of the spec, open while being worked on', async () => {
      const [request] = json(await get(`/requests/${number}.json`));
      expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
      expect(request).toMatchObject({
        service_request_id: number,
        status: 'open',
        status_notes: '已受理登记，等待网格员接单。',
        service_code: 'FIRE_EBIKE_CHARGING',
        service_name: '电动车飞线充电',
        lat: point.lat,
        long: point.lon,
        media_url: 'https://city.example/media/1.jpg',
        zipcode: null,
      });
      expect(request.agency_responsible).toMatch(/^枫桥街道 .+网格$/);
      for (const at of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(request[at]).toMatch(W3);
      const root = xml(await get(`/requests/${number}.xml`));
      expect(root.name).toBe('service_requests');
      expect(childNames(root.children[0] as XmlElement)).toEqual(REQUEST_FIELDS);
      expect(errorJson(await get('/requests/2020-999999.json'), 404)[0]).toMatch(/2020-999999/);
      expect(errorXml(await get('/requests/2020-999999.xml'), 404)[0]).toMatch(/2020-999999/);
    });

    it('reads closed with the resolution once the grid worker resolves the case', async () => {
      const row = await h.database.db
        .selectFrom('cases')
        .select(['id', 'version'])
        .where('number', '=', number)
        .executeTakeFirstOrThrow();
      const grid = await h.login('grid');
      for (const [action, payload] of [
        ['accept', {}],
        ['start', {}],
        ['resolve', { resolution: '已拆除飞线，劝导住户到充电桩充电。' }],
      ] as const) {
        const response = await h.app.inject({
          method: 'POST',
          url: `/api/cases/${row.id}/${action}`,
          headers: { cookie: grid },
          payload,
        });
        expect(response.statusCode, response.body).toBe(200);
      }
      const [request] = json(await get(`/requests/${number}.json`, { 'accept-language': 'en' }));
      expect(request.status).toBe('closed');
      expect(request.status_notes).toBe('Resolved; waiting for a rating. 已拆除飞线，劝导住户到充电桩充电。');
    });

    it('lists requests with their filters, a list of ids overriding the rest', async () => {
      const all = json(await get('/requests.json')) as { service_request_id: string; status: string; service_code: string }[];
      expect(all.length).toBe(4);
      for (const request of all) expect(Object.keys(request)).toEqual(REQUEST_FIELDS);
      expect(
        json(await get('/requests.json?status=closed')).map((r: { service_request_id: string }) => r.service_request_id),
      ).toEqual([number]);
      expect(json(await get('/requests.json?status=open')).length).toBe(3);
      expect(json(await get('/requests.json?service_code=ENV_DUMPING,FIRE_GAS')).length).toBe(3);
      expect(json(await get(`/requests.json?service_request_id=${number}&status=open`)).length).toBe(1);
      expect(json(await get('/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z'))).toEqual([]);
      const root = xml(await get('/requests.xml?status=open,closed'));
      expect(root.children).toHaveLength(4);
      for (const request of root.children) expect(childNames(request)).toEqual(REQUEST_FIELDS);
    });

    it('answers 400 for a window over 90 days, a bad date or status', async () => {
      expect(
        errorJson(await get('/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z'), 400)[0],
      ).toMatch(/90 days/);
      expect(errorXml(await get('/requests.xml?start_date=yesterday'), 400)[0]).toMatch(/start_date/);
      expect(errorXml(await get('/requests.xml?status=pending'), 400)[0]).toMatch(/status/);
    });

    it('turns a token into its service request id, 404 for one it never gave', async () => {
      const row = await h.database.db
        .selectFrom('external_cases as x')
        .innerJoin('cases as c', 'c.id', 'x.case_id')
        .select('x.token')
        .where('c.number', '=', number)
        .executeTakeFirstOrThrow();
      expect(json(await get(`/tokens/${row.token}.json`))).toEqual([{ service_request_id: number, token: row.token }]);
      const root = xml(await get(`/tokens/${row.token}.xml`));
      expect(childNames(root.children[0] as XmlElement)).toEqual(['service_request_id', 'token']);
      errorJson(await get('/tokens/12345.json'), 404);
      errorXml(await get('/tokens/00000000-0000-0000-0000-000000000000.xml'), 404);
    });
  });
});
