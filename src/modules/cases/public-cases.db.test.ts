import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { multipartBody, phoneJpeg } from '../photos/test-images.ts';

let h: Harness;
let noise: string;
let point: { lon: number; lat: number };

beforeAll(async () => {
  h = await startHarness();
  noise = await categoryId(h, 'NOISE_CONSTRUCTION');
  point = await pointInGrid(h, 'C01G01');
});
afterAll(() => h.close());

const publicReport = (payload: object, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url: '/api/public/cases',
    payload: { categoryId: noise, description: '工地夜间施工到凌晨两点', ...point, ...payload },
    headers,
  });

describe('reporting without an account', () => {
  it('takes the case with a photo, answers a tracking code, and shows the public timeline without names', async () => {
    const upload = multipartBody([{ filename: 'site.jpg', contentType: 'image/jpeg', data: await phoneJpeg(800, 600) }]);
    const photo = (await h.app.inject({ method: 'POST', url: '/api/public/photos', ...upload })).json();
    // A second photo joins the first one's token, so the report presents one token for both.
    const second = multipartBody([{ filename: 'site2.jpg', contentType: 'image/jpeg', data: await phoneJpeg(640, 480) }]);
    const photo2 = (
      await h.app.inject({ method: 'POST', url: `/api/public/photos?uploadToken=${photo.uploadToken}`, ...second })
    ).json();
    expect(photo2.uploadToken).toBe(photo.uploadToken);
    const response = await publicReport({
      photoIds: [photo.id, photo2.id],
      uploadToken: photo.uploadToken,
      contact: { phone: '13700001234' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { trackingCode, case: c } = response.json();
    expect(trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(c).toMatchObject({ state: 'reported', canRate: false });
    expect(JSON.stringify(c)).not.toContain('13700001234');

    const followed = await h.app.inject({ url: `/api/public/cases/${trackingCode.toLowerCase().replaceAll('-', '')}` });
    expect(followed.json()).toMatchObject({ number: c.number, state: 'reported' });

    const detail = await h.database.db
      .selectFrom('cases')
      .select(['id', 'source', 'anonymous', 'reporter_user_id'])
      .where('number', '=', c.number)
      .executeTakeFirstOrThrow();
    expect(detail).toMatchObject({ source: 'resident', anonymous: true, reporter_user_id: null });
    const grid = await h.login('grid');
    const staffView = (await h.app.inject({ url: `/api/cases/${detail.id}`, headers: { cookie: grid } })).json();
    expect(staffView.photos).toHaveLength(2);
    expect(staffView.reporter.phone).toBeNull();
  });

  it('the reporter rates the resolved case by its code, and cannot rate before or twice', async () => {
    const { trackingCode, case: c } = (await publicReport({})).json();
    const early = await h.app.inject({ method: 'POST', url: `/api/public/cases/${trackingCode}/rate`, payload: { rating: 5 } });
    expect(early.statusCode).toBe(409);
    const { id } = await h.database.db.selectFrom('cases').select('id').where('number', '=', c.number).executeTakeFirstOrThrow();
    const grid = await h.login('grid');
    await h.app.inject({ method: 'POST', url: `/api/cases/${id}/accept`, headers: { cookie: grid }, payload: {} });
    await h.app.inject({
      method: 'POST',
      url: `/api/cases/${id}/resolve`,
      headers: { cookie: grid },
      payload: { resolution: '已要求工地22点后停工' },
    });
    const resolved = (await h.app.inject({ url: `/api/public/cases/${trackingCode}` })).json();
    expect(resolved).toMatchObject({ state: 'resolved', canRate: true, resolution: '已要求工地22点后停工' });
    const rated = await h.app.inject({
      method: 'POST',
      url: `/api/public/cases/${trackingCode}/rate`,
      payload: { rating: 4, comment: '晚上安静了' },
    });
    expect(rated.json()).toMatchObject({ state: 'closed', rating: 4 });
    const twice = await h.app.inject({ method: 'POST', url: `/api/public/cases/${trackingCode}/rate`, payload: { rating: 1 } });
    expect(twice.statusCode).toBe(409);
  });

  it('answers an unknown or malformed code with 404', async () => {
    expect((await h.app.inject({ url: '/api/public/cases/ZZZZ-ZZZZ-ZZZZ' })).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/public/cases/not-a-code-at-all' })).statusCode).toBe(404);
  });

  it('gives a retried anonymous submission the same case and the same code', async () => {
    const key = `public-${Date.now()}`;
    const first = await publicReport({}, { 'idempotency-key': key });
    const second = await publicReport({}, { 'idempotency-key': key });
    expect(second.statusCode).toBe(200);
    expect(second.json().trackingCode).toBe(first.json().trackingCode);
    expect(second.json().case.number).toBe(first.json().case.number);
  });

  it('refuses someone else’s upload token for a photo', async () => {
    const upload = multipartBody([{ filename: 'a.jpg', contentType: 'image/jpeg', data: await phoneJpeg(400, 300) }]);
    const photo = (await h.app.inject({ method: 'POST', url: '/api/public/photos', ...upload })).json();
    const response = await publicReport({ photoIds: [photo.id], uploadToken: 'not-the-token' });
    expect(response.json().error).toMatchObject({ code: 'PHOTO_NOT_ATTACHABLE', field: 'photoIds' });
  });

  it('limits how often one client may report', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await publicReport({ description: `测试限流 ${i}` })).statusCode);
    expect(statuses).toContain(429);
  });
});
