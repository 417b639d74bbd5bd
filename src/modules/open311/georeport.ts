/**
 * Open311 GeoReport v2 as rules over our own records: which category is which service, how a case's
 * lifecycle reads as open or closed, what a request looks like, and how a posted form is read and
 * checked against a service definition. Pure: no HTTP, no SQL.
 */
import type { Choice, Datatype } from './open311.tables.ts';

export const SPEC = 'http://wiki.open311.org/GeoReport_v2';
export const FORMATS = { json: 'application/json', xml: 'text/xml' } as const;
export type Format = keyof typeof FORMATS;
export type Lang = 'zh-CN' | 'en';
/** The spec's default and largest window of GET requests, and the most it answers. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
export const MAX_DESCRIPTION = 4000;

export interface Open311ErrorItem {
  code: number | string;
  description: string;
}

/** An answer in the spec's error shape: an HTTP status and a list of code + description. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly errors: Open311ErrorItem[],
    readonly headers?: Record<string, string>,
  ) {
    super(errors.map((e) => e.description).join(' '));
    this.name = 'Open311Error';
  }
}
export const open311Error = (status: 400 | 403 | 404, description: string, code: number | string = status) =>
  new Open311Error(status, [{ code, description }]);

/** Cases that are finished read as closed; everything still being worked on is open. */
const CLOSED_STATES = new Set(['resolved', 'evaluated', 'closed', 'rejected', 'duplicate']);
export const statusOf = (state: string): 'open' | 'closed' => (CLOSED_STATES.has(state) ? 'closed' : 'open');

export interface StatusFacts {
  state: string;
  resolution: string | null;
  rejectReason: string | null;
  mergedIntoNumber: string | null;
  tier: string;
}

const NOTES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    reported: '已受理登记，等待网格员接单。',
    accepted: '网格员已接单。',
    assigned: '已派给责任单位办理。',
    in_progress: '正在办理。',
    escalated: '已上报上级处理。',
    suspended: '暂缓办理。',
    returned: '已退回重新办理。',
    resolved: '已办结，等待评价。',
    evaluated: '已办结并评价。',
    closed: '已办结。',
    rejected: '不予受理。',
    duplicate: '与已有诉求重复，已合并。',
  },
  en: {
    reported: 'Registered; waiting for the grid worker to take it.',
    accepted: 'Taken by the grid worker.',
    assigned: 'Assigned to the party responsible.',
    in_progress: 'Being handled.',
    escalated: 'Escalated to the level above.',
    suspended: 'On hold.',
    returned: 'Sent back to be handled again.',
    resolved: 'Resolved; waiting for a rating.',
    evaluated: 'Resolved and rated.',
    closed: 'Closed.',
    rejected: 'Not accepted.',
    duplicate: 'A duplicate of an earlier request, merged into it.',
  },
};

/** Why the request stands where it does: the resolution, the reason for refusing it, the case it joined. */
export function statusNotesOf(facts: StatusFacts, lang: Lang): string {
  const base = NOTES[lang][facts.state] ?? facts.state;
  if ((facts.state === 'resolved' || facts.state === 'evaluated' || facts.state === 'closed') && facts.resolution)
    return `${base} ${facts.resolution}`;
  if (facts.state === 'rejected' && facts.rejectReason) return `${base} ${facts.rejectReason}`;
  if (facts.state === 'duplicate' && facts.mergedIntoNumber) return `${base} ${facts.mergedIntoNumber}`;
  return base;
}

/** A datetime in the w3 subset of ISO 8601 with the zone's offset, e.g. 2026-05-01T08:00:00+08:00. */
export function w3(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The w3 datetimes the spec asks clients for: a date, or a date and time with a zone. */
const W3 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export function parseW3(value: string): Date | undefined {
  if (!W3.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const DAY_MS = 86_400_000;

/** The requested_datetime window of GET requests: at most 90 days, the most recent 90 by default. */
export function requestWindow(start: string | undefined, end: string | undefined, now: Date): { from: Date; to: Date } {
  const from = start ? parseW3(start) : undefined;
  const to = end ? parseW3(end) : undefined;
  const bad: Open311ErrorItem[] = [];
  if (start && !from) bad.push({ code: 400, description: 'start_date must be a w3 datetime, e.g. 2026-01-01T00:00:00Z.' });
  if (end && !to) bad.push({ code: 400, description: 'end_date must be a w3 datetime, e.g. 2026-01-31T23:59:59Z.' });
  if (bad.length) throw new Open311Error(400, bad);
  const window =
    from && to
      ? { from, to }
      : from
        ? { from, to: new Date(from.getTime() + WINDOW_DAYS * DAY_MS) }
        : to
          ? { from: new Date(to.getTime() - WINDOW_DAYS * DAY_MS), to }
          : { from: new Date(now.getTime() - WINDOW_DAYS * DAY_MS), to: now };
  if (window.from > window.to) throw open311Error(400, 'start_date must not be after end_date.');
  if (window.to.getTime() - window.from.getTime() > WINDOW_DAYS * DAY_MS)
    throw open311Error(400, `start_date and end_date may not span more than ${WINDOW_DAYS} days.`);
  return window;
}

/** A comma-delimited argument, each value trimmed, empties dropped; an empty argument is no argument. */
export const listArgument = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

export function statusFilter(value: string | undefined): ('open' | 'closed')[] {
  const statuses = listArgument(value);
  const wrong = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (wrong.length) throw open311Error(400, `status must be open or closed, not ${wrong.join(', ')}.`);
  return statuses as ('open' | 'closed')[];
}

export interface Question {
  code: string;
  variable: boolean;
  datatype: Datatype;
  required: boolean;
  description: string;
  datatypeDescription: string | null;
  order: number;
  choices: { key: string; name: string }[];
}

export const questionOf = (
  row: {
    code: string;
    variable: boolean;
    datatype: Datatype;
    required: boolean;
    description_zh: string;
    description_en: string;
    datatype_description_zh: string | null;
    datatype_description_en: string | null;
    sort: number;
    choices: Choice[];
  },
  lang: Lang,
): Question => ({
  code: row.code,
  variable: row.variable,
  datatype: row.datatype,
  required: row.required,
  description: lang === 'en' ? row.description_en : row.description_zh,
  datatypeDescription: lang === 'en' ? row.datatype_description_en : row.datatype_description_zh,
  order: row.sort,
  choices: row.choices.map((c) => ({ key: c.key, name: lang === 'en' ? c.en : c.zh })),
});

/** A posted form: every key with all its values, in the order sent. */
export type Form = Map<string, string[]>;

export function parseForm(body: string): Form {
  const form: Form = new Map();
  for (const [key, value] of new URLSearchParams(body)) form.set(key, [...(form.get(key) ?? []), value]);
  return form;
}

/** The last non-empty value of a field: the spec treats an empty argument as one not sent. */
export function field(form: Form, name: string): string | undefined {
  const values = (form.get(name) ?? []).filter((v) => v.trim() !== '');
  return values.at(-1)?.trim();
}

/** attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2, by code. */
export function attributesOf(form: Form): Map<string, string[]> {
  const answers = new Map<string, string[]>();
  for (const [key, values] of form) {
    const match = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!match) continue;
    const code = match[1] as string;
    answers.set(code, [...(answers.get(code) ?? []), ...values.map((v) => v.trim()).filter(Boolean)]);
  }
  return answers;
}

/**
 * Checks the answers against the service definition: every required question answered, lists
 * answered from their keys, numbers and datetimes well formed, no question the service does not
 * ask. Answers every problem at once; returns the answers as they are kept.
 */
export function checkAnswers(questions: Question[], answers: Map<string, string[]>): Record<string, string | string[]> {
  const errors: Open311ErrorItem[] = [];
  const kept: Record<string, string | string[]> = {};
  const known = new Map(questions.filter((q) => q.variable).map((q) => [q.code, q]));
  for (const code of answers.keys()) {
    if (!known.has(code)) errors.push({ code: 400, description: `attribute[${code}] is not a question of this service.` });
  }
  for (const question of known.values()) {
    const values = answers.get(question.code) ?? [];
    if (values.length === 0) {
      if (question.required)
        errors.push({ code: 400, description: `attribute[${question.code}] is required: ${question.description}` });
      continue;
    }
    const keys = new Set(question.choices.map((c) => c.key));
    const problem = (() => {
      switch (question.datatype) {
        case 'singlevaluelist':
          return values.length > 1 ? 'takes one value' : keys.has(values[0] as string) ? null : 'must be one of its value keys';
        case 'multivaluelist':
          return values.every((v) => keys.has(v)) ? null : 'must be among its value keys';
        case 'number':
          return values.length === 1 && /^-?\d+(\.\d+)?$/.test(values[0] as string) ? null : 'must be a number';
        case 'datetime':
          return values.length === 1 && parseW3(values[0] as string) ? null : 'must be an ISO 8601 datetime';
        case 'string':
          return values.length === 1 && !/[\r\n]/.test(values[0] as string) && (values[0] as string).length <= 200
            ? null
            : 'must be one line of at most 200 characters';
        case 'text':
          return values.length === 1 && (values[0] as string).length <= 2000 ? null : 'must be at most 2000 characters';
      }
    })();
    if (problem) errors.push({ code: 400, description: `attribute[${question.code}] ${problem}.` });
    else kept[question.code] = question.datatype === 'multivaluelist' ? values : (values[0] as string);
  }
  if (errors.length) throw new Open311Error(400, errors);
  return kept;
}

/** The answers written into the case's description, so whoever handles it reads them. */
export function answersText(questions: Question[], kept: Record<string, string | string[]>): string {
  return questions
    .filter((q) => kept[q.code] !== undefined)
    .map((q) => {
      const value = kept[q.code] as string | string[];
      const names = [value]
        .flat()
        .map((v) => q.choices.find((c) => c.key === v)?.name ?? v)
        .join('、');
      return `${q.description} ${names}`;
    })
    .join('\n');
}

/** The language of the words in an answer: English when the client prefers it, Chinese otherwise. */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** A file name in the URL such as `2026-000123.json`: its id and its format. */
export function splitFormat(file: string): { id: string; format: Format } | undefined {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { id: match[1] as string, format: match[2] as Format } : undefined;
}
