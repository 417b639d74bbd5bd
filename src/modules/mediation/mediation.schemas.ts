/** Fields the mediation API's schemas share: text, dates, times, yuan and phone numbers with their messages. */
import { z } from 'zod';

export const text = (max: number, message = 'Enter some text.') => z.string().trim().min(1, message).max(max);
export const isoDate = z.iso.date();
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:00.');
export const yuan = z.number().min(0).max(1e10).multipleOf(0.01, 'Amounts are in yuan with at most two decimals.');
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'Enter a phone number.');
