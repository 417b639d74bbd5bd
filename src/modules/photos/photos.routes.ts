import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, type AppContext, idParams, responses } from '../../platform/http/app-types.ts';
import { AppError, badRequest } from '../../platform/http/errors.ts';
import { requireActor } from '../../platform/http/request-context.ts';
import { fileSystemPhotoStore } from './photo-store.ts';
import { anonymousPhotoSchema, photoBytes, photoQuery, photoSchema } from './photos.schemas.ts';
import * as photos from './photos.service.ts';

const tags = ['photos'];
/** Anonymous uploads per client address and minute: enough for a report, too few to fill the disk. */
const PUBLIC_UPLOADS_PER_MINUTE = 30;
/** The bytes behind an id never change; access can, so only the viewer's own browser keeps a copy, and not for long. */
const CACHE_CONTROL = 'private, max-age=3600';
const UPLOAD_DESCRIPTION =
  'multipart/form-data with one JPEG, PNG or WebP in the field `file`. The type is read from the content; the photo is ' +
  'turned upright, scaled to at most 2560 px, re-encoded as JPEG and stripped of all metadata (EXIF, GPS) before it is stored.';

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

/** Reads the one file of a multipart upload, refusing it as soon as it passes the size limit. */
async function receivePhoto(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const missing = () => badRequest('PHOTO_MISSING', 'Send the photo as multipart/form-data in the field "file".', 'file');
  if (!request.isMultipart()) throw missing();
  let bytes: Buffer | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type !== 'file') continue;
      // A file under another name is not read, but the stream must still be drained for parsing to go on.
      if (part.fieldname === 'file') bytes = await part.toBuffer();
      else part.file.resume();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'PHOTO_TOO_LARGE', `The photo is larger than ${megabytes(maxBytes)}; send a smaller one.`, 'file');
    }
    if (code === 'FST_FILES_LIMIT') throw badRequest('PHOTO_ONE_AT_A_TIME', 'Send one photo per request.', 'file');
    throw error;
  }
  if (!bytes?.length) throw missing();
  return bytes;
}

export function photosRoutes(app: App, { database, config }: AppContext) {
  const { db } = database;
  const store = fileSystemPhotoStore(path.join(config.dataDir, 'files'));

  app.post(
    '/photos',
    {
      schema: {
        tags,
        summary: 'Upload a photo to attach to a report or finding',
        description: UPLOAD_DESCRIPTION,
        response: responses({ 201: photoSchema }, [400, 401, 413]),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { photo } = await photos.uploadPhoto(db, store, await receivePhoto(request, config.photoMaxBytes), actor);
      return reply.status(201).send(photo);
    },
  );

  app.post(
    '/public/photos',
    {
      config: { public: true, rateLimit: { max: PUBLIC_UPLOADS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Upload a photo for an anonymous report; answers a token to present with the report',
        description: UPLOAD_DESCRIPTION,
        querystring: z.object({
          uploadToken: z
            .string()
            .regex(/^[A-Za-z0-9_-]{43}$/, 'Not an upload token.')
            .optional()
            .describe('The token of an earlier upload, so that all photos of one report share it'),
        }),
        response: responses({ 201: anonymousPhotoSchema }, [400, 413, 429]),
      },
    },
    async (request, reply) => {
      const { photo, uploadToken } = await photos.uploadPhoto(
        db,
        store,
        await receivePhoto(request, config.photoMaxBytes),
        undefined,
        request.query.uploadToken,
      );
      return reply.status(201).send({ ...photo, uploadToken: uploadToken as string });
    },
  );

  const serve = (variant: 'full' | 'thumbnail') =>
    async function servePhoto(
      request: FastifyRequest<{ Params: { id: string }; Querystring: { uploadToken?: string | undefined } }>,
      reply: FastifyReply,
    ) {
      const bytes = await photos.readPhoto(db, store, request.params.id, variant, {
        actor: request.actor,
        uploadToken: request.query.uploadToken,
      });
      return reply
        .header('content-type', bytes.contentType)
        .header('content-length', bytes.size)
        .header('cache-control', CACHE_CONTROL)
        .header('x-content-type-options', 'nosniff')
        .send(bytes.stream);
    };

  // Public so that an anonymous reporter can see their own upload; everyone else without a right to it gets 404.
  const readOptions = (summary: string) => ({
    config: { public: true },
    schema: {
      tags,
      summary,
      params: idParams,
      querystring: photoQuery,
      response: responses({ 200: photoBytes }, [400, 404]),
    },
  });
  app.get('/photos/:id', readOptions('A photo: its uploader until attached, then whoever may see the record'), serve('full'));
  app.get('/photos/:id/thumbnail', readOptions('A photo as a thumbnail of at most 400 px'), serve('thumbnail'));
}
