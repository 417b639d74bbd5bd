import type { CheckAnswer, HazardLevel, RunBody } from '../../shared/patrol-types.ts';

/**
 * A patrol run as the phone keeps it until the server has all of it. Pure: every step returns a
 * new draft with its version moved on; the sync sends the whole run and records which version the
 * server acknowledged, so a run is "waiting" exactly while it holds a step the server has not seen.
 * Photos wait as blobs under their own keys and carry the server's id once uploaded.
 */
export interface DraftPhoto {
  key: string;
  photoId?: string;
}

export interface DraftCheckin {
  clientId: string;
  pointId: string;
  at: string;
  lon?: number;
  lat?: number;
  accuracyM?: number;
  checklist: Record<string, CheckAnswer>;
  note?: string;
}

export interface DraftFinding {
  clientId: string;
  pointId?: string;
  categoryId: string;
  level: HazardLevel;
  description: string;
  lon: number;
  lat: number;
  photos: DraftPhoto[];
  at: string;
}

export interface RunDraft {
  clientId: string;
  planId: string;
  planName: string;
  startedAt: string;
  finishedAt: string | null;
  checkins: DraftCheckin[];
  findings: DraftFinding[];
  version: number;
  syncedVersion: number;
  /** The server refused the run (not a network failure): shown until someone acts. */
  errorCode?: string | undefined;
}

export function startRun(input: { clientId: string; planId: string; planName: string; at: string }): RunDraft {
  return {
    clientId: input.clientId,
    planId: input.planId,
    planName: input.planName,
    startedAt: input.at,
    finishedAt: null,
    checkins: [],
    findings: [],
    version: 1,
    syncedVersion: 0,
  };
}

const changed = (draft: RunDraft, change: Partial<RunDraft>): RunDraft => ({
  ...draft,
  ...change,
  version: draft.version + 1,
  errorCode: undefined,
});

/** One check-in per point: checking in again at a point replaces the first, under the same id. */
export function checkIn(draft: RunDraft, checkin: DraftCheckin): RunDraft {
  const earlier = draft.checkins.find((c) => c.pointId === checkin.pointId);
  const next = earlier ? { ...checkin, clientId: earlier.clientId } : checkin;
  return changed(draft, {
    checkins: earlier ? draft.checkins.map((c) => (c === earlier ? next : c)) : [...draft.checkins, next],
  });
}

export function addFinding(draft: RunDraft, finding: DraftFinding): RunDraft {
  if (draft.findings.some((f) => f.clientId === finding.clientId)) return draft;
  return changed(draft, { findings: [...draft.findings, finding] });
}

export function finishRun(draft: RunDraft, at: string): RunDraft {
  return draft.finishedAt ? draft : changed(draft, { finishedAt: at });
}

export const isWaiting = (draft: RunDraft) => draft.version > draft.syncedVersion;

/** Finished and wholly on the server: nothing left for the phone to keep. */
export const isSettled = (draft: RunDraft) => draft.finishedAt !== null && !isWaiting(draft);

/** Photos still only on the phone. */
export const photosToUpload = (draft: RunDraft): DraftPhoto[] =>
  draft.findings.flatMap((f) => f.photos).filter((photo) => !photo.photoId);

/** Records a photo's server id; not a new step of the run, so the version stays. */
export function photoUploaded(draft: RunDraft, key: string, photoId: string): RunDraft {
  return {
    ...draft,
    findings: draft.findings.map((f) => ({
      ...f,
      photos: f.photos.map((photo) => (photo.key === key ? { ...photo, photoId } : photo)),
    })),
  };
}

/** The server holds version `version`: later steps (taken while it was sent) keep the run waiting. */
export function markSynced(draft: RunDraft, version: number): RunDraft {
  return { ...draft, syncedVersion: Math.max(draft.syncedVersion, version), errorCode: undefined };
}

export function markRefused(draft: RunDraft, errorCode: string): RunDraft {
  return { ...draft, errorCode };
}

/** PUT /api/patrols/runs/:clientId's body: the whole run so far. Every photo must be uploaded first. */
export function runBody(draft: RunDraft): RunBody {
  return {
    planId: draft.planId,
    startedAt: draft.startedAt,
    finishedAt: draft.finishedAt,
    checkins: draft.checkins.map((c) => ({ ...c })),
    findings: draft.findings.map(({ photos, ...finding }) => ({
      ...finding,
      photoIds: photos.map((photo) => {
        if (!photo.photoId) throw new Error(`photo ${photo.key} is not uploaded`);
        return photo.photoId;
      }),
    })),
  };
}

/** The points of a plan still to check in at, in the plan's order. */
export function pointsLeft<P extends { id: string }>(draft: RunDraft, points: P[]): P[] {
  const done = new Set(draft.checkins.map((c) => c.pointId));
  return points.filter((point) => !done.has(point.id));
}
