import sharp from 'sharp';
import { AppError, badRequest } from '../../platform/http/errors.ts';

/** Above this a "photo" is a decompression bomb or a scan no phone takes: 40 MP decodes to about 160 MB. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const FULL_MAX_SIDE = 2560;
export const THUMBNAIL_MAX_SIDE = 400;

export type InputFormat = 'jpeg' | 'png' | 'webp';

export interface ProcessedPhoto {
  inputFormat: InputFormat;
  contentType: 'image/jpeg';
  width: number;
  height: number;
  full: Buffer;
  thumbnail: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format the bytes announce by their magic number: a file name or declared type is only the sender's word. */
export function sniffFormat(bytes: Buffer): InputFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return undefined;
}

const unsupported = () => badRequest('PHOTO_UNSUPPORTED_TYPE', 'Send a JPEG, PNG or WebP photo.', 'file');

/**
 * Turns uploaded bytes into the only copies ever stored or served: upright, at most
 * FULL_MAX_SIDE on the long side, re-encoded as JPEG without any metadata (sharp drops EXIF,
 * GPS, XMP and ICC unless told to keep them), plus a thumbnail.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const inputFormat = sniffFormat(input);
  if (!inputFormat) throw unsupported();
  try {
    // The header is read first, so a bomb is refused before a single pixel is decoded.
    const metadata = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (metadata.format !== inputFormat) throw unsupported();
    const full = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
      .autoOrient()
      .resize({ width: FULL_MAX_SIDE, height: FULL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: transparent screenshots turn white rather than black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(full.data)
      .resize({ width: THUMBNAIL_MAX_SIDE, height: THUMBNAIL_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    return {
      inputFormat,
      contentType: 'image/jpeg',
      width: full.info.width,
      height: full.info.height,
      full: full.data,
      thumbnail,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (/exceeds pixel limit/i.test(String((error as Error)?.message))) {
      throw badRequest(
        'PHOTO_TOO_MANY_PIXELS',
        `The image has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels; send a smaller photo.`,
        'file',
      );
    }
    // Anything else sharp refuses is a damaged or truncated file: the sender's problem, not a 500.
    throw badRequest('PHOTO_UNREADABLE', 'The photo is damaged or incomplete and cannot be read.', 'file');
  }
}
