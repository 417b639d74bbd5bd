/**
 * What the retention job removes, pure. Free text a resident or a handler wrote (the description,
 * the resolution, the rating comment, contact notes) may carry a phone or ID number; those are
 * cut out and the rest of the text, which the figures and the record of the work need, stays.
 */
export const DEFAULT_CLOSED_CASE_MONTHS = 36;
export const REMOVED = '〔已删除〕';

const PATTERNS = [
  // an 18-digit resident ID (the last may be X), or the old 15-digit one
  /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9])/g,
  /(?<![0-9])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9])/g,
  // a mobile number, with or without +86 and spaces or dashes between groups
  /(?:\+?86[ -]?)?(?<![0-9])1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])/g,
  // a landline with its area code
  /(?<![0-9])0\d{2,3}[ -]?\d{7,8}(?![0-9])/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
];

export function scrubContacts(text: string): string;
export function scrubContacts(text: string | null): string | null;
export function scrubContacts(text: string | null): string | null {
  if (text === null) return null;
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, REMOVED), text);
}

/** The moment before which a finished case is past retention. Month arithmetic keeps the day of month (clamped). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** States after which a case no longer needs the reporter: its work is over. */
export const FINISHED_STATES = ['closed', 'rejected', 'duplicate'] as const;
