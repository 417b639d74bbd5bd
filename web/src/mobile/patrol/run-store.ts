import { createStore, del, entries, get, set, update } from 'idb-keyval';
import { api } from '../../shared/api.ts';
import type { PatrolRun } from '../../shared/patrol-types.ts';
import type { Photo } from '../types.ts';
import { isWaiting, type RunDraft } from './run-draft.ts';
import { type RunStore, type SyncOutcome, syncRuns } from './run-sync.ts';
import { PATROL_CHANGED, setWaitingCount } from './waiting.ts';

/**
 * The phone's patrol runs in IndexedDB: drafts in one store, photo blobs in another (Blobs survive
 * there, not in localStorage). Every change is announced so open pages re-read.
 */
const drafts = createStore('fengqiao-patrol', 'runs');
const photos = createStore('fengqiao-patrol-photos', 'photos');

async function announce(): Promise<void> {
  const all = (await entries<string, RunDraft>(drafts)).map(([, draft]) => draft);
  setWaitingCount(all.filter(isWaiting).length);
  window.dispatchEvent(new Event(PATROL_CHANGED));
}

export const runStore: RunStore = {
  all: async () => (await entries<string, RunDraft>(drafts)).map(([, draft]) => draft),
  get: (clientId) => get<RunDraft>(clientId, drafts),
  async update(clientId, change) {
    let result: RunDraft | undefined;
    await update<RunDraft | undefined>(
      clientId,
      (draft) => {
        result = draft ? change(draft) : undefined;
        return result;
      },
      drafts,
    );
    await announce();
    return result;
  },
  async remove(clientId) {
    await del(clientId, drafts);
    await announce();
  },
  photo: (key) => get<Blob>(key, photos),
  removePhoto: (key) => del(key, photos),
};

export async function saveDraft(draft: RunDraft): Promise<void> {
  await set(draft.clientId, draft, drafts);
  await announce();
}

export const keepPhoto = (key: string, blob: Blob) => set(key, blob, photos);

const server = {
  async uploadPhoto(blob: Blob) {
    const form = new FormData();
    form.append('file', blob, 'patrol.jpg');
    return (await api<Photo>('/api/photos', { body: form })).id;
  },
  putRun: (clientId: string, body: unknown) => api<PatrolRun>(`/api/patrols/runs/${clientId}`, { method: 'PUT', body }),
};

let syncing: Promise<SyncOutcome> | null = null;
let again = false;

/** Sends what waits; a call while a sync runs asks for one more pass instead of a second sender. */
export function syncNow(): Promise<SyncOutcome> {
  if (syncing) {
    again = true;
    return syncing;
  }
  syncing = (async () => {
    let outcome: SyncOutcome;
    do {
      again = false;
      outcome = await syncRuns(runStore, server);
    } while (again && outcome === 'done');
    return outcome;
  })().finally(() => {
    syncing = null;
    void announce();
  });
  return syncing;
}
