import { ApiError } from '../../shared/api.ts';
import type { RunBody } from '../../shared/patrol-types.ts';
import {
  isSettled,
  isWaiting,
  markRefused,
  markSynced,
  photosToUpload,
  photoUploaded,
  type RunDraft,
  runBody,
} from './run-draft.ts';

/** Where runs and their photo blobs wait on the phone (IndexedDB in the app, a Map in tests). */
export interface RunStore {
  all(): Promise<RunDraft[]>;
  get(clientId: string): Promise<RunDraft | undefined>;
  /** Read, change and write one draft atomically, so the run page and the sync never overwrite each other. */
  update(clientId: string, change: (draft: RunDraft) => RunDraft): Promise<RunDraft | undefined>;
  remove(clientId: string): Promise<void>;
  photo(key: string): Promise<Blob | undefined>;
  removePhoto(key: string): Promise<void>;
}

export interface RunServer {
  uploadPhoto(blob: Blob): Promise<string>;
  putRun(clientId: string, body: RunBody): Promise<unknown>;
}

export type SyncOutcome = 'done' | 'offline';

/** A run may gain steps while it is being sent; past this many rounds the next sync takes over. */
const MAX_ROUNDS = 5;

/**
 * Sends every waiting run: its photos first (each once: the id is kept), then the whole run, which
 * the server writes idempotently by the phone's ids. Stops at the first network failure and
 * leaves everything as it was; a refusal marks that run and goes on with the others.
 */
export async function syncRuns(store: RunStore, server: RunServer): Promise<SyncOutcome> {
  for (const { clientId } of await store.all()) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const draft = await store.get(clientId);
      if (!draft || !isWaiting(draft) || draft.errorCode) break;
      try {
        await sendRun(store, server, draft);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NETWORK') return 'offline';
        const code = error instanceof ApiError ? error.code : 'UNKNOWN';
        await store.update(clientId, (d) => markRefused(d, code));
        break;
      }
    }
    const after = await store.get(clientId);
    if (after && isSettled(after)) await forget(store, after);
  }
  return 'done';
}

async function sendRun(store: RunStore, server: RunServer, draft: RunDraft): Promise<void> {
  let current = draft;
  // A finding recorded while photos go up brings more photos: upload until none is left.
  for (let photo = photosToUpload(current)[0]; photo; photo = photosToUpload(current)[0]) {
    const blob = await store.photo(photo.key);
    if (!blob) throw new ApiError(400, 'PATROL_PHOTO_MISSING', 'A photo of this run is no longer on the phone.');
    const photoId = await server.uploadPhoto(blob);
    const key = photo.key;
    const next = await store.update(draft.clientId, (d) => photoUploaded(d, key, photoId));
    if (!next) return;
    current = next;
  }
  const version = current.version;
  await server.putRun(current.clientId, runBody(current));
  await store.update(current.clientId, (d) => markSynced(d, version));
}

async function forget(store: RunStore, draft: RunDraft): Promise<void> {
  for (const finding of draft.findings) for (const photo of finding.photos) await store.removePhoto(photo.key);
  await store.remove(draft.clientId);
}
