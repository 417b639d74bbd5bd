import { describe, expect, it } from 'vitest';
import {
  addFinding,
  checkIn,
  finishRun,
  isSettled,
  isWaiting,
  markSynced,
  photosToUpload,
  photoUploaded,
  pointsLeft,
  runBody,
  startRun,
} from './run-draft.ts';

const start = () => startRun({ clientId: 'run', planId: 'plan', planName: 'Round', at: '2026-11-25T02:00:00.000Z' });
const checkin = (pointId: string, clientId: string) => ({
  clientId,
  pointId,
  at: '2026-11-25T02:10:00.000Z',
  checklist: { fire_exits: 'ok' as const },
});
const finding = {
  clientId: 'f1',
  categoryId: 'cat',
  level: 'major' as const,
  description: 'Gas smell',
  lon: 120,
  lat: 30,
  photos: [{ key: 'p1' }, { key: 'p2' }],
  at: '2026-11-25T02:12:00.000Z',
};

describe('a patrol run on the phone', () => {
  it('a new run is waiting until the server acknowledges its version', () => {
    const run = start();
    expect(isWaiting(run)).toBe(true);
    expect(isWaiting(markSynced(run, run.version))).toBe(false);
  });

  it('checking in again at a point replaces the first check-in under the same id', () => {
    const run = checkIn(checkIn(start(), checkin('a', 'c1')), { ...checkin('a', 'c2'), note: 'again' });
    expect(run.checkins).toEqual([{ ...checkin('a', 'c1'), note: 'again' }]);
  });

  it('recording the same finding twice keeps one', () => {
    const once = addFinding(start(), finding);
    expect(addFinding(once, finding)).toBe(once);
  });

  it('an acknowledgement of an older version leaves later steps waiting', () => {
    const sent = checkIn(start(), checkin('a', 'c1'));
    const later = checkIn(sent, checkin('b', 'c2'));
    expect(isWaiting(markSynced(later, sent.version))).toBe(true);
    expect(markSynced(markSynced(later, later.version), sent.version).syncedVersion).toBe(later.version);
  });

  it('uploading a photo is not a new step, and the body names photos by their server ids', () => {
    let run = addFinding(start(), finding);
    expect(() => runBody(run)).toThrow();
    const version = run.version;
    run = photoUploaded(photoUploaded(run, 'p1', 'id-1'), 'p2', 'id-2');
    expect(run.version).toBe(version);
    expect(photosToUpload(run)).toEqual([]);
    expect(runBody(run).findings[0]).toMatchObject({ clientId: 'f1', photoIds: ['id-1', 'id-2'] });
    expect(runBody(run).findings[0]).not.toHaveProperty('photos');
  });

  it('a run is settled once finished and acknowledged; finishing twice keeps the first time', () => {
    const finished = finishRun(start(), '2026-11-25T03:00:00.000Z');
    expect(finishRun(finished, '2026-11-25T04:00:00.000Z').finishedAt).toBe('2026-11-25T03:00:00.000Z');
    expect(isSettled(finished)).toBe(false);
    expect(isSettled(markSynced(finished, finished.version))).toBe(true);
  });

  it('lists the points still to visit in the plan’s order', () => {
    const run = checkIn(start(), checkin('b', 'c1'));
    expect(pointsLeft(run, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]).map((p) => p.id)).toEqual(['a', 'c']);
  });
});
