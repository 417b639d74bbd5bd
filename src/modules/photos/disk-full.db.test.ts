import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryId, pointInGrid } from '../../../test/fixtures.ts';
import { type Harness, startHarness } from '../../../test/harness.ts';
import { listFiles } from '../../platform/backup/archive.ts';
import { multipartBody } from './test-images.ts';

/**
 * A full disk under the photo store: the data folder is a tiny tmpfs filled almost to the brim.
 * Mounting needs root; where that is not allowed the test says so and is skipped.
 */
/** Mounted when the file is loaded, so a machine that does not allow it shows the test as skipped. */
function mountTinyDisk(): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'fq-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    process.stderr.write('disk-full test skipped: mounting a tmpfs is not permitted here (needs root)\n');
    return undefined;
  }
}
const mountpoint = mountTinyDisk();
let h: Harness;

beforeAll(async () => {
  if (mountpoint) h = await startHarness({ DATA_DIR: mountpoint });
});

afterAll(async () => {
  if (!mountpoint) return;
  await h?.close();
  execFileSync('umount', [mountpoint]);
  rmdirSync(mountpoint);
});

/** A photo that does not compress: random pixels. */
async function noisyJpeg() {
  const pixels = Buffer.alloc(400 * 300 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = ((i * 7919) % 251) ^ (i >> 5);
  return sharp(pixels, { raw: { width: 400, height: 300, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function upload(bytes: Buffer) {
  const body = multipartBody([{ filename: 'IMG.jpg', contentType: 'image/jpeg', data: bytes }]);
  return h.app.inject({
    method: 'POST',
    url: '/api/photos',
    headers: { ...body.headers, cookie: await h.login('resident') },
    payload: body.payload,
  });
}

describe.runIf(mountpoint !== undefined)('a full disk while storing photos', () => {
  it('answers 507 STORAGE_FULL, leaves no partial file and no photo row, and recovers once there is room', async () => {
    const disk = mountpoint as string;
    const filler = path.join(disk, 'filler');
    const free = await statfs(disk);
    await writeFile(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 8 * 1024)));
    const photos = async () => (await sql<{ id: string }>`select id from photos`.execute(h.database.db)).rows;
    const before = (await photos()).length;

    const refused = await upload(await noisyJpeg());
    expect(refused.statusCode, refused.body).toBe(507);
    expect(refused.json().error.code).toBe('STORAGE_FULL');
    expect(refused.body).not.toMatch(/ENOSPC|at .*\.ts/);
    expect((await photos()).length).toBe(before);
    // Whatever is in the store is whole: no temporary file, every blob's name is its content's hash.
    const files = path.join(disk, 'files');
    for (const name of await listFiles(files)) {
      expect(name).not.toMatch(/\.tmp$/);
      const hash = createHash('sha256')
        .update(await readFile(path.join(files, name)))
        .digest('hex');
      expect(path.basename(name)).toBe(hash);
    }

    // A report without a photo does not need the disk: it goes in while the disk is full.
    const reported = await h.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        categoryId: await categoryId(h, 'ENV_GARBAGE'),
        description: '磁盘满时的上报',
        ...(await pointInGrid(h, 'C01G01')),
      },
      headers: { cookie: await h.login('resident') },
    });
    expect(reported.statusCode, reported.body).toBe(201);

    await rm(filler);
    const stored = await upload(await noisyJpeg());
    expect(stored.statusCode, stored.body).toBe(201);
  });
});
