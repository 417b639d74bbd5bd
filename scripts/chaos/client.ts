/**
 * The harness's HTTP client. A logical request is sent until it gets a definite answer: a 2xx
 * (acknowledged) or a 4xx (refused). A dropped connection, a timeout or a 503 is retried with the
 * same Idempotency-Key, as a careful phone app would; anything else 5xx is counted as a failure of
 * the server (and retried too, so the run goes on and the count shows it).
 */
export interface Counts {
  /** HTTP requests put on the wire, retries included. */
  sent: number;
  /** Logical requests that got a 2xx. */
  acknowledged: number;
  /** Logical requests refused with a 4xx (none expected). */
  refused: number;
  /** Attempts that got no answer (connection refused or reset, timed out): the server was down. */
  noAnswer: number;
  /** 503 answers, and how many of them carried Retry-After and a stable error code. */
  unavailable: number;
  unavailableWithHint: number;
  /** Other 5xx answers (must be 0). */
  serverErrors: number;
  /** Answers that were replays of an earlier committed attempt (Idempotent-Replayed, or 200 for an intake). */
  replayed: number;
  /** Logical requests given up without a definite answer (the server never came back): must be 0. */
  abandoned: number;
}

export const newCounts = (): Counts => ({
  sent: 0,
  acknowledged: 0,
  refused: 0,
  noAnswer: 0,
  unavailable: 0,
  unavailableWithHint: 0,
  serverErrors: 0,
  replayed: 0,
  abandoned: 0,
});

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface SendOptions {
  method?: string;
  body?: unknown;
  form?: () => FormData;
  cookie?: string;
  key?: string;
  headers?: Record<string, string>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const UNAVAILABLE_CODES = new Set(['DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT']);

export class ChaosClient {
  readonly counts = newCounts();
  /** Refusals and server errors, for the report. */
  readonly problems: string[] = [];
  stopAt = Number.POSITIVE_INFINITY;

  constructor(private readonly baseUrl: () => string) {}

  /** Sends until a definite answer; gives up only past `stopAt` plus a grace period (answers undefined). */
  async send(path: string, options: SendOptions = {}): Promise<Answer | undefined> {
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > this.stopAt + 120_000) {
        this.counts.abandoned++;
        return undefined;
      }
      this.counts.sent++;
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl()}${path}`, {
          method: options.method ?? 'POST',
          headers: {
            ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(options.cookie ? { cookie: options.cookie } : {}),
            ...(options.key ? { 'idempotency-key': options.key } : {}),
            ...options.headers,
          },
          body: options.form ? options.form() : options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: AbortSignal.timeout(20_000),
        });
      } catch {
        this.counts.noAnswer++;
        await pause(Math.min(1000, 100 * 2 ** Math.min(attempt, 4)));
        continue;
      }
      const text = await response.text().catch(() => '');
      let body: Record<string, unknown> = {};
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        // a cut-off body: as good as no answer
        this.counts.noAnswer++;
        continue;
      }
      const answer = { status: response.status, body, headers: response.headers };
      if (response.status === 503) {
        this.counts.unavailable++;
        const code = (body.error as { code?: string } | undefined)?.code ?? '';
        if (response.headers.get('retry-after') && UNAVAILABLE_CODES.has(code)) this.counts.unavailableWithHint++;
        else this.problem(`503 without a retry hint or code on ${path}: ${text.slice(0, 200)}`);
        // Retry-After says 5 s; the harness retries sooner to keep the load on.
        await pause(300);
        continue;
      }
      if (response.status >= 500) {
        this.counts.serverErrors++;
        this.problem(`${response.status} on ${options.method ?? 'POST'} ${path}: ${text.slice(0, 300)}`);
        await pause(300);
        continue;
      }
      if (response.status >= 400) {
        this.counts.refused++;
        this.problem(`${response.status} on ${options.method ?? 'POST'} ${path}: ${text.slice(0, 300)}`);
        return answer;
      }
      this.counts.acknowledged++;
      if (response.headers.get('idempotent-replayed')) this.counts.replayed++;
      return answer;
    }
  }

  private problem(line: string) {
    if (this.problems.length < 50) this.problems.push(line);
  }
}
