import { api } from '../../shared/api.ts';
import type { CaseDetail, PublicCase } from '../../shared/types.ts';
import type { AnonymousPhoto, Photo } from '../types.ts';

/** The fields of POST /api/cases and /api/public/cases, photos aside. */
export interface ReportBody {
  categoryId: string;
  description: string;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  lon?: number;
  lat?: number;
  buildingId?: string;
  gridId?: string;
  address?: string;
  anonymous?: boolean;
  source?: 'walk_in' | 'staff';
  contact?: { name?: string; phone?: string };
}

/**
 * A report on its way: what to send, its photos as blobs (so it can wait offline) and the
 * idempotency key that makes every retry answer the one case the first attempt created.
 */
export interface ReportDraft {
  key: string;
  signedIn: boolean;
  body: ReportBody;
  photos: Blob[];
  /** Filled once the photos are on the server, so a retry does not upload them again. */
  uploaded?: { photoIds: string[]; uploadToken?: string | undefined };
}

export interface ReportResult {
  number: string;
  trackingCode: string;
  /** Only a signed-in reporter gets the case itself; a guest follows it by tracking code. */
  caseId: string | null;
}

/** An idempotency key; crypto.randomUUID exists only on HTTPS (and localhost), random bytes everywhere. */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Uploads photos one by one; a guest's photos go to the public route, whose token proves they are theirs. */
export async function uploadPhotos(photos: Blob[], signedIn: boolean): Promise<{ photoIds: string[]; uploadToken?: string }> {
  const photoIds: string[] = [];
  let uploadToken: string | undefined;
  for (const [index, photo] of photos.entries()) {
    const form = new FormData();
    form.append('file', photo, `photo-${index + 1}.jpg`);
    // A guest's later photos join the first one's token: the report presents that one token.
    const url = signedIn ? '/api/photos' : `/api/public/photos${uploadToken ? `?uploadToken=${uploadToken}` : ''}`;
    const uploaded = await api<Photo | AnonymousPhoto>(url, { body: form });
    photoIds.push(uploaded.id);
    if ('uploadToken' in uploaded) uploadToken = uploaded.uploadToken;
  }
  return uploadToken ? { photoIds, uploadToken } : { photoIds };
}

export async function submitReport(draft: ReportDraft): Promise<ReportResult> {
  if (!draft.uploaded) draft.uploaded = await uploadPhotos(draft.photos, draft.signedIn);
  const headers = { 'idempotency-key': draft.key };
  const { photoIds, uploadToken } = draft.uploaded;
  if (draft.signedIn) {
    // The outcome page shows the number and links the case: nothing more need be read back.
    const created = await api<{ case: Pick<CaseDetail, 'id' | 'number'>; trackingCode: string }>('/api/cases', {
      body: { ...draft.body, photoIds },
      headers: { ...headers, prefer: 'return=minimal' },
    });
    return { number: created.case.number, trackingCode: created.trackingCode, caseId: created.case.id };
  }
  const { anonymous: _, source: __, ...publicBody } = draft.body;
  const created = await api<{ case: PublicCase; trackingCode: string }>('/api/public/cases', {
    body: { ...publicBody, photoIds, ...(uploadToken ? { uploadToken } : {}) },
    headers,
  });
  return { number: created.case.number, trackingCode: created.trackingCode, caseId: null };
}

export const titleOf = (body: ReportBody) => body.description.trim().slice(0, 40);
