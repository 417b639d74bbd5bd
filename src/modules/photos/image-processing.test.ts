import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processPhoto, sniffFormat } from './image-processing.ts';
import { phoneJpeg, pixelBombPng, solidImage } from './test-images.ts';

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the photo was accepted'),
    (error: { status: number; code: string; field?: string }) => ({ status: error.status, code: error.code, field: error.field }),
  );

describe('processing an uploaded photo', () => {
  it('a phone JPEG with GPS in its EXIF comes out upright with no EXIF, XMP or ICC at all', async () => {
    const input = await phoneJpeg(300, 200);
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer tag, little-endian
    expect(before.orientation).toBe(6);

    const photo = await processPhoto(input);
    for (const output of [photo.full, photo.thumbnail]) {
      const after = await sharp(output).metadata();
      expect(after.format).toBe('jpeg');
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect(output.includes(Buffer.from('Fengqiao Phone'))).toBe(false);
    }
    expect([photo.width, photo.height]).toEqual([200, 300]);
  });

  it('scales a large photo to 2560 px on the long side and its thumbnail to 400 px', async () => {
    const photo = await processPhoto(await solidImage('jpeg', 4000, 3000));
    expect([photo.width, photo.height]).toEqual([2560, 1920]);
    expect(await sharp(photo.full).metadata()).toMatchObject({ width: 2560, height: 1920 });
    expect(await sharp(photo.thumbnail).metadata()).toMatchObject({ width: 400, height: 300 });
    expect(photo.contentType).toBe('image/jpeg');
  });

  it('never enlarges a small photo', async () => {
    const photo = await processPhoto(await solidImage('png', 120, 90));
    expect([photo.width, photo.height]).toEqual([120, 90]);
    expect(await sharp(photo.thumbnail).metadata()).toMatchObject({ width: 120, height: 90 });
  });

  it('decides the type by content: PNG and WebP bytes are read as what they are, whatever they were called', async () => {
    expect((await processPhoto(await solidImage('png', 64, 48))).inputFormat).toBe('png');
    expect((await processPhoto(await solidImage('webp', 64, 48))).inputFormat).toBe('webp');
    expect(sniffFormat(await solidImage('jpeg', 8, 8))).toBe('jpeg');
  });

  it('refuses a text file however it is named, and GIF or SVG images', async () => {
    const unsupported = { status: 400, code: 'PHOTO_UNSUPPORTED_TYPE', field: 'file' };
    expect(await refusal(processPhoto(Buffer.from('this is x.jpg, honest')))).toEqual(unsupported);
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await refusal(processPhoto(gif))).toEqual(unsupported);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await refusal(processPhoto(svg))).toEqual(unsupported);
    expect(await refusal(processPhoto(Buffer.alloc(0)))).toEqual(unsupported);
  });

  it('refuses a decompression bomb: a 30000 x 30000 PNG of about 100 KB', async () => {
    const bomb = pixelBombPng(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(processPhoto(bomb))).toEqual({ status: 400, code: 'PHOTO_TOO_MANY_PIXELS', field: 'file' });
  });

  it('refuses a truncated JPEG as unreadable rather than failing on our side', async () => {
    const whole = await solidImage('jpeg', 200, 200);
    expect(await refusal(processPhoto(whole.subarray(0, 300)))).toEqual({ status: 400, code: 'PHOTO_UNREADABLE', field: 'file' });
  });
});
