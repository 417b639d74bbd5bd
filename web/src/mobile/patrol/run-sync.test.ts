import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import type { RunBody } from '../../shared/patrol-types.ts';
import { addFinding, checkIn, finishRun, isWaiting, type RunDraft, startRun } from './run-draft.ts';
import { type RunServer, type RunStore, syncRuns } from './run-sync.ts';

const PLAN = '00000000-0000-4000-8000-000000000001';
const POINT = '00000000-0000-4000-8000-000000000002';
const CATEGORY = '00000000-0000-4000-8000-000000000003';

function memoryStore(drafts: RunDraft[], photos: Record<string, Blob>) {
  const runs = new Map(drafts.map((d) => [d.clientId, d]));
  const blobs = new Map(Object.entries(photos));
  const store: RunStore = {
    all: async () => [...runs.values()],
    get: async (id) => runs.get(id),
    update: async (id, change) => {
      const draft = runs.get(id);
      if (!draft) return undefined;
      const next = change(draft);
      runs.set(id, next);
      return next;
    },
    remove: async (id) => void runs.delete(id),
    photo: async (key) => blobs.get(key),
    removePhoto: async (key) => void blobs.delete(key),
  };
  return { store, runs, blobs };
}

/** A server that keeps runs by the phone's ids, as the real one does, and can be switched off. */
function fakeServer() {
  const runs = new Map<string, RunBody>();
  const uploads: Blob[] = [];
  let online = true;
  let onPut: (() => void) | undefined;
  const server: RunServer = {
    uploadPhoto: async (blob) => {
      if (!online) throw new ApiError(0, 'NETWORK', 'offline');
      uploads.push(blob);
      return `00000000-0000-4000-8000-1000000000${String(uploads.length).padStart(2, '0')}`;
    },
    putRun: async (clientId, body) => {
      if (!online) throw new ApiError(0, 'NETWORK', 'offline');
      onPut?.();
      runs.set(clientId, body);
      return body;
    },
  };
  return {
    server,
    runs,
    uploads,
    setOnline: (value: boolean) => {
      online = value;
    },
    whilePutting: (fn: () => void) => {
      onPut = fn;
    },
  };
}

function walkedRun(): RunDraft {
  let draft = startRun({ clientId: 'run-1', planId: PLAN, planName: 'Night round', at: '2026-11-25T12:00:00.000Z' });
  draft = checkIn(draft, {
    clientId: 'checkin-1',
    pointId: POINT,
    at: '2026-11-25T12:05:00.000Z',
    lon: 120.23,
    lat: 29.7,
    checklist: { fire_exits: 'problem' },
  });
  draft = addFinding(draft, {
    clientId: 'finding-1',
    pointId: POINT,
    categoryId: CATEGORY,
    level: 'general',
    description: 'E-bike charged from a flying line',
    lon: 120.23,
    lat: 29.7,
    photos: [{ key: 'photo-1' }],
    at: '2026-11-25T12:06:00.000Z',
  });
  return finishRun(draft, '2026-11-25T12:30:00.000Z');
}

describe('syncing patrol runs', () => {
  it('a run finished offline waits, then goes out with its photo once the network is back, and the phone forgets it', async () => {
    const { store, runs, blobs } = memoryStore([walkedRun()], { 'photo-1': new Blob(['jpeg']) });
    const server = fakeServer();
    server.setOnline(false);
    expect(await syncRuns(store, server.server)).toBe('offline');
    expect(isWaiting(runs.get('run-1') as RunDraft)).toBe(true);

    server.setOnline(true);
    expect(await syncRuns(store, server.server)).toBe('done');
    const sent = server.runs.get('run-1') as RunBody;
    expect(sent.findings[0]?.photoIds).toEqual(['00000000-0000-4000-8000-100000000001']);
    expect(sent.checkins).toHaveLength(1);
    expect(runs.size).toBe(0);
    expect(blobs.size).toBe(0);
  });

  it('a photo uploaded before the network dropped is not uploaded again', async () => {
    const { store } = memoryStore([walkedRun()], { 'photo-1': new Blob(['jpeg']) });
    const server = fakeServer();
    server.server.putRun = async () => {
      throw new ApiError(0, 'NETWORK', 'offline');
    };
    expect(await syncRuns(store, server.server)).toBe('offline');
    expect(server.uploads).toHaveLength(1);
    expect((await store.get('run-1'))?.findings[0]?.photos[0]?.photoId).toBeDefined();

    const again = fakeServer();
    await syncRuns(store, again.server);
    expect(again.uploads).toHaveLength(0);
    expect(again.runs.get('run-1')?.findings[0]?.photoIds).toHaveLength(1);
  });

  it('a step taken while the run is being sent keeps it waiting and goes out in the next round', async () => {
    const open = startRun({ clientId: 'run-2', planId: PLAN, planName: 'Day round', at: '2026-11-25T02:00:00.000Z' });
    const { store } = memoryStore([open], {});
    const server = fakeServer();
    let once = true;
    server.whilePutting(() => {
      if (!once) return;
      once = false;
      void store.update('run-2', (d) => finishRun(d, '2026-11-25T03:00:00.000Z'));
    });
    await syncRuns(store, server.server);
    expect(server.runs.get('run-2')?.finishedAt).toBe('2026-11-25T03:00:00.000Z');
    expect(await store.get('run-2')).toBeUndefined();
  });

  it('an unfinished run stays on the phone once sent, no longer waiting', async () => {
    const open = startRun({ clientId: 'run-3', planId: PLAN, planName: 'Day round', at: '2026-11-25T02:00:00.000Z' });
    const { store } = memoryStore([open], {});
    await syncRuns(store, fakeServer().server);
    const kept = await store.get('run-3');
    expect(kept && isWaiting(kept)).toBe(false);
  });

  it('a run the server refuses is marked with the reason and not sent again by itself', async () => {
    const { store } = memoryStore([walkedRun()], { 'photo-1': new Blob(['jpeg']) });
    const server = fakeServer();
    let puts = 0;
    server.server.putRun = async () => {
      puts++;
      throw new ApiError(403, 'FORBIDDEN', 'no');
    };
    await syncRuns(store, server.server);
    await syncRuns(store, server.server);
    expect(puts).toBe(1);
    expect((await store.get('run-1'))?.errorCode).toBe('FORBIDDEN');
  });
});
