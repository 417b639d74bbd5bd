import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { hashToken } from '../auth/auth.service.ts';
import { processPhoto } from './image-processing.ts';
import type { PhotoStore } from './photo-store.ts';
import { type Photo, presentPhoto } from './photos.presenter.ts';
import * as repo from './photos.repository.ts';

/** Photos one attachPhotos call may take: a report's nine-photo grid. */
export const MAX_PHOTOS_PER_ATTACH = 9;

/**
 * Decides whether someone may see the photos attached to one record of an entity type; the
 * module owning the entity registers it, since only it knows who may see its records.
 */
export type PhotoAccessPolicy = (db: Kysely<DB>, actor: Actor | undefined, entityId: string) => Promise<boolean>;

const accessPolicies = new Map<string, PhotoAccessPolicy>();

/** Registering again replaces the policy: each app built in one process (tests) registers anew. */
export function registerPhotoAccess(entityType: string, policy: PhotoAccessPolicy): void {
  accessPolicies.set(entityType, policy);
}

export interface UploadedPhoto {
  photo: Photo;
  /** Anonymous uploads only: shown once, only its hash is kept. */
  uploadToken: string | undefined;
}

/** Re-encodes and stores a photo for a signed-in uploader, or for an anonymous one who gets a token instead. */
export async function uploadPhoto(
  db: Kysely<DB>,
  store: PhotoStore,
  bytes: Buffer,
  uploader: Actor | undefined,
  /** An anonymous reporter's token from an earlier upload: all their photos of one report share it. */
  existingToken?: string,
): Promise<UploadedPhoto> {
  const processed = await processPhoto(bytes);
  const [contentKey, thumbnailKey] = await Promise.all([store.put(processed.full), store.put(processed.thumbnail)]);
  const uploadToken = uploader ? undefined : (existingToken ?? randomBytes(32).toString('base64url'));
  const streetId = uploader?.streetId ?? null;
  return db.transaction().execute(async (trx) => {
    const values = {
      street_id: streetId,
      uploaded_by: uploader?.userId ?? null,
      upload_token_hash: uploadToken ? hashToken(uploadToken) : null,
      content_key: contentKey,
      thumbnail_key: thumbnailKey,
      content_type: processed.contentType,
      width: processed.width,
      height: processed.height,
      bytes: processed.full.length,
    };
    const id = await repo.insertPhoto(trx, values);
    await recordEvent(trx, {
      streetId,
      entityType: 'photo',
      entityId: id,
      type: 'photo.uploaded',
      actorUserId: uploader?.userId ?? null,
      data: { anonymous: !uploader, inputFormat: processed.inputFormat, width: processed.width, height: processed.height },
    });
    return { photo: presentPhoto({ id, ...values }), uploadToken };
  });
}

export interface PhotoViewer {
  actor: Actor | undefined;
  uploadToken: string | undefined;
}

async function maySee(db: Kysely<DB>, row: repo.PhotoRow, viewer: PhotoViewer): Promise<boolean> {
  if (row.entity_type && row.entity_id) {
    const policy = accessPolicies.get(row.entity_type);
    return policy ? policy(db, viewer.actor, row.entity_id) : false;
  }
  if (viewer.actor && row.uploaded_by === viewer.actor.userId) return true;
  return Boolean(viewer.uploadToken && row.upload_token_hash && hashToken(viewer.uploadToken) === row.upload_token_hash);
}

export interface PhotoBytes {
  stream: Readable;
  size: number;
  contentType: string;
}

/** The full photo or its thumbnail, for whoever may see it; anyone else is told it does not exist. */
export async function readPhoto(
  db: Kysely<DB>,
  store: PhotoStore,
  id: string,
  variant: 'full' | 'thumbnail',
  viewer: PhotoViewer,
): Promise<PhotoBytes> {
  const row = await repo.findPhoto(db, id);
  if (!row || !(await maySee(db, row, viewer))) throw notFound('Photo');
  const key = variant === 'full' ? row.content_key : row.thumbnail_key;
  const blob = await store.get(key);
  if (!blob) throw new Error(`Photo ${id}: blob ${key} is missing from the photo store`);
  return { ...blob, contentType: row.content_type };
}

export interface AttachTarget {
  entityType: string;
  entityId: string;
  streetId: string | null;
  /** The signed-in person submitting the record: only their own uploads may be attached. */
  uploaderUserId?: string | undefined;
  /** An anonymous reporter: only photos uploaded with this token may be attached. */
  uploadToken?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches photos to a record inside the caller's transaction (so they are attached exactly
 * when the record is saved). Each photo must exist, be unattached and belong to the submitter;
 * the message is the same whichever rule fails, so nobody learns of others' photos.
 */
export async function attachPhotos(trx: Kysely<DB>, photoIds: string[], target: AttachTarget): Promise<void> {
  const ids = [...new Set(photoIds)];
  if (ids.length === 0) return;
  if (ids.length > MAX_PHOTOS_PER_ATTACH) {
    throw badRequest('PHOTO_LIMIT', `Attach at most ${MAX_PHOTOS_PER_ATTACH} photos.`, 'photoIds');
  }
  const notAttachable = (id: string) =>
    badRequest('PHOTO_NOT_ATTACHABLE', `Photo ${id} does not exist, is not yours or is already attached.`, 'photoIds');
  const malformed = ids.find((id) => !UUID.test(id));
  if (malformed) throw notAttachable(malformed);
  const tokenHash = target.uploadToken ? hashToken(target.uploadToken) : undefined;
  const rows = new Map((await repo.lockPhotos(trx, ids)).map((row) => [row.id, row]));
  for (const id of ids) {
    const row = rows.get(id);
    const owned =
      (target.uploaderUserId !== undefined && row?.uploaded_by === target.uploaderUserId) ||
      (tokenHash !== undefined && row?.upload_token_hash === tokenHash);
    if (!row || row.entity_id || !owned) throw notAttachable(id);
  }
  await repo.attach(trx, ids, target);
  for (const id of ids) {
    await recordEvent(trx, {
      streetId: target.streetId,
      entityType: 'photo',
      entityId: id,
      type: 'photo.attached',
      actorUserId: target.uploaderUserId ?? null,
      data: { entityType: target.entityType, entityId: target.entityId },
    });
  }
}

/** The photos attached to a record, in upload order, in the API's shape. */
export async function listPhotos(db: Kysely<DB>, entityType: string, entityId: string): Promise<Photo[]> {
  return (await repo.listForEntity(db, entityType, entityId)).map(presentPhoto);
}
