import { ApiError } from '../shared/api.ts';

/**
 * Fetches an export and hands it to the browser as a download. fetch rather than a plain link: a
 * refusal comes back as an ApiError to show, instead of replacing the page. Returns the row count
 * and truncation the server announced in its headers.
 */
export async function downloadExport(url: string, fallbackName: string): Promise<{ rows: number; truncated: boolean }> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? `HTTP_${response.status}`, body.error?.message ?? '');
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const objectUrl = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: objectUrl, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
  return {
    rows: Number(response.headers.get('x-export-rows') ?? 0),
    truncated: response.headers.get('x-export-truncated') === 'true',
  };
}
