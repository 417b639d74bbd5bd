/**
 * Replays a dispute file's timeline through the rules of dispute-rules.ts, as a reviewer of the
 * demo history would: it must open, move only along TRANSITIONS, go up one level at a time while
 * still open, and end where the file's row stands, its version counting every change. Answers
 * what is wrong, nothing when all is right. Used by the tests of the demo's mediation year. Pure.
 */
import { DISPUTE_STATES, type DisputeState, escalate, type Level, transition } from '../modules/mediation/dispute-rules.ts';

export interface ReplayedRow {
  number: string;
  state: DisputeState;
  level: Level;
  version: number;
}

export interface ReplayedEvent {
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

export function replayProblems(row: ReplayedRow, events: readonly ReplayedEvent[]): string[] {
  const problems: string[] = [];
  const [first, ...rest] = events;
  if (first?.type !== 'dispute.opened' || first.data.to !== 'opened') return [`${row.number} does not begin with its opening`];
  let state: DisputeState = 'opened';
  let level = first.data.level as Level;
  let version = 1;
  let last = first.at;
  for (const event of rest) {
    if (event.at < last) problems.push(`${row.number}: ${event.type} comes before the event it follows`);
    last = event.at;
    const kind = event.type.replace(/^dispute\./, '');
    if (kind === 'escalated') {
      const next = escalate(level, state, String(event.data.reason ?? ''));
      if (!next.ok || next.value !== event.data.to || event.data.from !== level) {
        problems.push(
          `${row.number}: escalated from ${String(event.data.from)} to ${String(event.data.to)} while ${level}, ${state}`,
        );
      }
      level = event.data.to as Level;
      version++;
    } else if (kind === 'updated') {
      version++;
    } else if ((DISPUTE_STATES as readonly string[]).includes(kind)) {
      const to = kind as DisputeState;
      if (event.data.from !== state || event.data.to !== to || !transition(state, to).ok) {
        problems.push(`${row.number}: ${state} -> ${to} (the event says from ${String(event.data.from)})`);
      }
      state = to;
      version++;
    }
  }
  if (state !== row.state) problems.push(`${row.number}: the timeline ends ${state}, the file is ${row.state}`);
  if (level !== row.level) problems.push(`${row.number}: the timeline ends at ${level}, the file at ${row.level}`);
  if (version !== row.version) problems.push(`${row.number}: ${version} changes on the timeline, version ${row.version}`);
  return problems;
}

/** The yuan an agreement's money term names ("共计人民币12000元" or "人民币12000元"), 0 without one. */
export function namedTotal(terms: readonly string[]): number {
  for (const term of terms) {
    const match = /(?:共计)?人民币(\d+)元/.exec(term);
    if (match) return Number(match[1]);
  }
  return 0;
}
