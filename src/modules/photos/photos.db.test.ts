import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { type AttachTarget, attachPhotos, listPhotos, registerPhotoAccess } from './photos.service.ts';
import { type FilePart, multipartBody, phoneJpeg, solidImage } from './test-images.ts';

let h: Harness;
let jpeg: Buffer;
beforeAll(async () => {
  h = await startHarness({ PHOTO_MAX_BYTES: String(512 * 1024) });
  jpeg = await phoneJpeg(640, 480);
});
afterAll(() => h.close());

const photoPart = (data: Buffer, extra: Partial<FilePart> = {}): FilePart => ({
  filename: 'IMG_0001.jpg',
  contentType: 'image/jpeg',
  data,
  ...extra,
});

async function upload(username: string | undefined, parts: FilePart[], url = username ? '/api/photos' : '/api/public/photos') {
  const body = multipartBody(parts);
  const headers = username ? { ...body.headers, cookie: await h.login(username) } : body.headers;
  return h.app.inject({ method: 'POST', url, headers, payload: body.payload });
}

async function uploaded(username: string | undefined, data = jpeg) {
  const response = await upload(username, [photoPart(data)]);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; url: string; thumbnailUrl: string; uploadToken?: string };
}

async function fetchAs(username: string | undefined, url: string) {
  return h.app.inject({ url, headers: username ? { cookie: await h.login(username) } : {} });
}

const userId = async (username: string) =>
  (await h.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

const attach = (photoIds: string[], target: Partial<AttachTarget>) =>
  h.database.db
    .transaction()
    .execute((trx) =>
      attachPhotos(trx, photoIds, { entityType: 'test_report', entityId: randomUUID(), streetId: null, ...target }),
    );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the photos were attached'),
    (error: { status: number; code: string; field?: string }) => ({ status: error.status, code: error.code, field: error.field }),
  );

describe('uploading and viewing photos', () => {
  it('a grid worker uploads a phone photo and fetches it and its thumbnail, upright and without EXIF', async () => {
    const response = await upload('grid', [photoPart(jpeg)]);
    expect(response.statusCode, response.body).toBe(201);
    const photo = response.json();
    expect(photo).toEqual({
      id: expect.any(String),
      url: `/api/photos/${photo.id}`,
      thumbnailUrl: `/api/photos/${photo.id}/thumbnail`,
      width: 480,
      height: 640,
      contentType: 'image/jpeg',
      bytes: expect.any(Number),
    });

    const full = await fetchAs('grid', photo.url);
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.rawPayload.length).toBe(photo.bytes);
    const metadata = await sharp(full.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 480, height: 640 });
    expect(metadata.exif).toBeUndefined();

    const thumbnail = await fetchAs('grid', photo.thumbnailUrl);
    expect(thumbnail.statusCode).toBe(200);
    expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({ format: 'jpeg', width: 300, height: 400 });
  });

  it('keeps the files in the data folder of this server, by content hash', async () => {
    await uploaded('grid');
    const folders = await readdir(path.join(h.config.dataDir, 'files'));
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.every((folder) => /^[0-9a-f]{2}$/.test(folder))).toBe(true);
  });

  it('reads the type from the content: a PNG sent as image/jpeg is accepted, a text file named x.jpg is refused', async () => {
    const png = await upload('partner', [photoPart(await solidImage('png', 50, 40), { filename: 'x.jpg' })]);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ width: 50, height: 40, contentType: 'image/jpeg' });
    const text = await upload('partner', [photoPart(Buffer.from('not a photo at all'), { filename: 'x.jpg' })]);
    expect(text.statusCode).toBe(400);
    expect(text.json().error).toMatchObject({ code: 'PHOTO_UNSUPPORTED_TYPE', field: 'file' });
  });

  it('another user, an anonymous caller and a wrong token all get 404 for an unattached photo', async () => {
    const photo = await uploaded('grid');
    for (const username of ['staff', 'admin', undefined]) {
      const response = await fetchAs(username, photo.url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await fetchAs(undefined, `${photo.thumbnailUrl}?uploadToken=guess`)).statusCode).toBe(404);
    expect((await fetchAs('grid', `/api/photos/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('refuses an anonymous upload to the signed-in route', async () => {
    const response = await upload(undefined, [photoPart(jpeg)], '/api/photos');
    expect(response.statusCode).toBe(401);
  });

  it('refuses a photo over PHOTO_MAX_BYTES with 413, naming the limit', async () => {
    const huge = Buffer.concat([jpeg, Buffer.alloc(600 * 1024)]);
    const response = await upload('grid', [photoPart(huge)]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'PHOTO_TOO_LARGE', field: 'file' });
    expect(response.json().error.message).toContain('0.5 MB');
  });

  it('asks for the photo when none is sent in the field "file", and for one photo at a time', async () => {
    const cookie = await h.login('grid');
    const json = await h.app.inject({ method: 'POST', url: '/api/photos', headers: { cookie }, payload: { file: 'x' } });
    expect(json.json().error).toMatchObject({ code: 'PHOTO_MISSING', field: 'file' });
    const otherField = await upload('grid', [photoPart(jpeg, { field: 'picture' })]);
    expect(otherField.statusCode).toBe(400);
    expect(otherField.json().error).toMatchObject({ code: 'PHOTO_MISSING', field: 'file' });
    const two = await upload('grid', [photoPart(jpeg), photoPart(jpeg)]);
    expect(two.statusCode).toBe(400);
    expect(two.json().error).toMatchObject({ code: 'PHOTO_ONE_AT_A_TIME', field: 'file' });
  });

  it('an anonymous reporter uploads and sees the photo with the token; without it nobody does', async () => {
    const photo = await uploaded(undefined);
    expect(photo.uploadToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const withToken = await fetchAs(undefined, `${photo.url}?uploadToken=${photo.uploadToken}`);
    expect(withToken.statusCode).toBe(200);
    expect(withToken.headers['content-type']).toBe('image/jpeg');
    expect((await fetchAs(undefined, `${photo.thumbnailUrl}?uploadToken=${photo.uploadToken}`)).statusCode).toBe(200);
    expect((await fetchAs(undefined, photo.url)).statusCode).toBe(404);
    expect((await fetchAs('staff', photo.url)).statusCode).toBe(404);
    const stored = await h.database.db
      .selectFrom('events')
      .select(['type', 'actor_user_id'])
      .where('entity_id', '=', photo.id)
      .execute();
    expect(stored).toEqual([{ type: 'photo.uploaded', actor_user_id: null }]);
  });
});

describe('attaching photos to a record', () => {
  it('attaches the submitter’s own photos and lists them with the record', async () => {
    const [first, second] = [await uploaded('grid'), await uploaded('grid')];
    const entityId = randomUUID();
    await attach([first.id, second.id], { entityId, uploaderUserId: await userId('grid') });
    const listed = await listPhotos(h.database.db, 'test_report', entityId);
    expect(listed.map((photo) => photo.id).sort()).toEqual([first.id, second.id].sort());
    expect(listed[0]).toMatchObject({ contentType: 'image/jpeg', url: expect.stringMatching(/^\/api\/photos\//) });
  });

  it('refuses someone else’s photo, a photo already attached and a random id, attaching none of the batch', async () => {
    const mine = await uploaded('staff');
    const theirs = await uploaded('grid');
    const staffId = await userId('staff');
    const notAttachable = { status: 400, code: 'PHOTO_NOT_ATTACHABLE', field: 'photoIds' };
    expect(await refusal(attach([mine.id, theirs.id], { uploaderUserId: staffId }))).toEqual(notAttachable);
    expect(await listPhotos(h.database.db, 'test_report', randomUUID())).toEqual([]);
    expect(await refusal(attach([randomUUID()], { uploaderUserId: staffId }))).toEqual(notAttachable);
    expect(await refusal(attach(['not-a-uuid'], { uploaderUserId: staffId }))).toEqual(notAttachable);

    await attach([mine.id], { uploaderUserId: staffId });
    expect(await refusal(attach([mine.id], { uploaderUserId: staffId }))).toEqual(notAttachable);
  });

  it('attaches an anonymous upload only with its token', async () => {
    const photo = await uploaded(undefined);
    const notAttachable = { status: 400, code: 'PHOTO_NOT_ATTACHABLE', field: 'photoIds' };
    expect(await refusal(attach([photo.id], { uploadToken: 'someone-elses-token' }))).toEqual(notAttachable);
    expect(await refusal(attach([photo.id], {}))).toEqual(notAttachable);
    await attach([photo.id], { uploadToken: photo.uploadToken });
  });

  it('takes at most nine photos at a time', async () => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    expect(await refusal(attach(ids, { uploaderUserId: await userId('grid') }))).toEqual({
      status: 400,
      code: 'PHOTO_LIMIT',
      field: 'photoIds',
    });
  });

  it('once attached, a photo is shown to whoever the record’s access policy admits, and to nobody else', async () => {
    const staffEntity = randomUUID();
    registerPhotoAccess('test_case', async (db, actor, entityId) => {
      // The policy may read the database, as the case module's will.
      await db.selectFrom('users').select('id').limit(1).execute();
      return actor?.username === 'staff' && entityId === staffEntity;
    });
    const photo = await uploaded('grid');
    await attach([photo.id], { entityType: 'test_case', entityId: staffEntity, uploaderUserId: await userId('grid') });
    expect((await fetchAs('staff', photo.url)).statusCode).toBe(200);
    expect((await fetchAs('staff', photo.thumbnailUrl)).statusCode).toBe(200);
    for (const username of ['grid', 'leader', undefined]) expect((await fetchAs(username, photo.url)).statusCode).toBe(404);
    const events = await h.database.db.selectFrom('events').select('type').where('entity_id', '=', photo.id).execute();
    expect(events.map((event) => event.type)).toEqual(['photo.uploaded', 'photo.attached']);
  });

  it('hides a photo attached to a kind of record no module has a policy for', async () => {
    const photo = await uploaded('grid');
    await attach([photo.id], { entityType: 'unclaimed_kind', uploaderUserId: await userId('grid') });
    expect((await fetchAs('grid', photo.url)).statusCode).toBe(404);
  });
});

describe('anonymous uploads under load', () => {
  it('are limited per client address: past 30 a minute the answer is 429', async () => {
    const empty = multipartBody([]);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await h.app.inject({ method: 'POST', url: '/api/public/photos', ...empty });
      statuses.push(response.statusCode);
    }
    expect(statuses[0]).toBe(400);
    expect(statuses.at(-1)).toBe(429);
    expect((await upload('grid', [photoPart(jpeg)])).statusCode).toBe(201);
  });
});
