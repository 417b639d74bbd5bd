import { z } from 'zod';

export const photoSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The photo, at most 2560 px on the long side, re-encoded as JPEG without metadata'),
    thumbnailUrl: z.string().describe('At most 400 px on the long side'),
    width: z.number().int(),
    height: z.number().int(),
    contentType: z.string(),
    bytes: z.number().int().describe('Size of the full photo as served'),
  })
  .meta({ id: 'Photo' });

export const anonymousPhotoSchema = photoSchema
  .extend({
    uploadToken: z
      .string()
      .describe('Shown once: present it to see the photo (?uploadToken=) and when submitting the report it belongs to'),
  })
  .meta({ id: 'AnonymousPhoto' });

export const photoQuery = z.object({
  uploadToken: z.string().max(100).optional().describe('The token an anonymous upload answered with'),
});

/** Served bytes (a stream, never serialised as JSON), documented as a JPEG for the OpenAPI document. */
export const photoBytes = z.string().meta({ content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } });
