import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { ChaosClient } from './client.ts';

/**
 * The load: workers each repeat a story until the phase ends. A resident reports a case (every
 * third one with a photo), the grid worker accepts it, starts, and resolves it. Every write carries
 * its own Idempotency-Key, kept across retries. The ledger records what was acknowledged, which
 * the verification then looks for in the database.
 */
export interface Ledger {
  /** Case id -> the key it was reported under and the actions acknowledged on it, in order. */
  cases: Map<string, { key: string; actions: string[]; photoId?: string }>;
  /** Every intake key used, acknowledged or not. */
  intakeKeys: Set<string>;
}

export const newLedger = (): Ledger => ({ cases: new Map(), intakeKeys: new Set() });

export interface LoadSetup {
  client: ChaosClient;
  ledger: Ledger;
  categoryId: string;
  point: { lon: number; lat: number };
  cookies: { resident: string; grid: string };
  /** A tag in every description, to tell this run's cases from the demo's. */
  tag: string;
}

const STEPS = [
  { action: 'accept', body: { note: '已受理' } },
  { action: 'start', body: { note: '正在处理' } },
  { action: 'resolve', body: { resolution: '已清运，现场已复原。' } },
] as const;

let photoBytes: Promise<Buffer> | undefined;
/** A small photo, a different one per call is not needed: the store keeps one blob for equal bytes. */
const photo = () => {
  photoBytes ??= sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .toBuffer();
  return photoBytes;
};

export async function runStory(setup: LoadSetup, n: number): Promise<void> {
  const { client, ledger, cookies } = setup;
  let photoId: string | undefined;
  if (n % 3 === 0) {
    const bytes = await photo();
    const uploaded = await client.send('/api/photos', {
      cookie: cookies.resident,
      form: () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'site.jpg');
        return form;
      },
    });
    if (uploaded?.status === 201) photoId = uploaded.body.id as string;
  }
  const key = `chaos-${setup.tag}-${randomUUID()}`;
  ledger.intakeKeys.add(key);
  const reported = await client.send('/api/cases', {
    cookie: cookies.resident,
    key,
    headers: { prefer: 'return=minimal' },
    body: {
      categoryId: setup.categoryId,
      description: `[${setup.tag}] 3栋楼下垃圾桶满了，第${n}次上报。`,
      ...setup.point,
      photoIds: photoId ? [photoId] : [],
    },
  });
  if (!reported || reported.status >= 300) return;
  const caseId = (reported.body.case as { id: string }).id;
  const entry = { key, actions: [] as string[], ...(photoId ? { photoId } : {}) };
  ledger.cases.set(caseId, entry);
  for (const step of STEPS) {
    const answer = await client.send(`/api/cases/${caseId}/${step.action}`, {
      cookie: cookies.grid,
      key: `chaos-${setup.tag}-${randomUUID()}`,
      body: step.body,
    });
    if (!answer || answer.status >= 300) return;
    entry.actions.push(step.action);
  }
}

/** Runs `workers` story loops until the deadline; a story under way is finished (its retries go on) before a worker stops. */
export async function runLoad(setup: LoadSetup, workers: number, until: number, counter: { stories: number }) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) {
        const n = counter.stories++;
        await runStory(setup, n);
      }
    }),
  );
}

export async function login(client: ChaosClient, username: string, password: string): Promise<string> {
  const answer = await client.send('/api/auth/login', { body: { username, password } });
  const cookie = answer?.headers.get('set-cookie')?.split(';')[0];
  if (!cookie?.startsWith('fq_session=')) throw new Error(`login ${username} failed: ${answer?.status}`);
  return cookie;
}
