/**
 * Inbox latency as a person sees it, over HTTP with their session: the first page of their inbox
 * (open cases where they must act, soonest deadline first), the first page of every case they may
 * see (newest first) and that list's page 100, reached by following the keyset cursors.
 */
import { percentile } from './report.ts';

export interface PageTiming {
  p50: number;
  p95: number;
  /** The page timed: 1, or 100 (or the last page when there are fewer). */
  page: number;
  items: number;
}

export interface InboxResult {
  inboxFirst: PageTiming;
  listFirst: PageTiming;
  listDeep: PageTiming;
}

async function getPage(baseUrl: string, cookie: string, query: string) {
  const response = await fetch(`${baseUrl}/api/cases?${query}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/cases?${query}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { items: unknown[]; nextCursor: string | null };
}

async function time(baseUrl: string, cookie: string, query: string, runs: number, page: number): Promise<PageTiming> {
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    items = (await getPage(baseUrl, cookie, query)).items.length;
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), page, items };
}

export async function inboxTimings(
  baseUrl: string,
  cookie: string,
  options: { limit: number; deepPage: number; runs: number },
): Promise<InboxResult> {
  const { limit, runs } = options;
  const inboxFirst = await time(baseUrl, cookie, `mine=inbox&sort=deadline&limit=${limit}`, runs, 1);
  const newest = `sort=newest&limit=${limit}`;
  const listFirst = await time(baseUrl, cookie, newest, runs, 1);
  let cursor: string | null = null;
  let page = 1;
  for (; page < options.deepPage; page++) {
    const next: string | null = (await getPage(baseUrl, cookie, cursor ? `${newest}&cursor=${cursor}` : newest)).nextCursor;
    if (!next) break;
    cursor = next;
  }
  const listDeep = await time(baseUrl, cookie, cursor ? `${newest}&cursor=${cursor}` : newest, runs, page);
  return { inboxFirst, listFirst, listDeep };
}
