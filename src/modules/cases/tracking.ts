import { createHash, createHmac } from 'node:crypto';

/**
 * Tracking codes let a reporter without an account follow and rate a case. A code is an HMAC of
 * the case id under the installation's secret, so it is never stored (only its hash, to look the
 * case up) and a retried anonymous submission can be given the same code again.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread
const LENGTH = 12; // 60 bits

export function trackingCodeFor(secret: string, caseId: string): string {
  const digest = createHmac('sha256', secret).update(caseId).digest();
  let code = '';
  for (let i = 0; i < LENGTH; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const value = (((digest[byte] ?? 0) << 8) | (digest[byte + 1] ?? 0)) >> (11 - (bit & 7));
    code += ALPHABET[value & 31];
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** Reads a code as typed by a person: case, spaces and dashes do not matter, and O/I/L read as 0/1/1. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return undefined;
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export const hashTrackingCode = (code: string) => createHash('sha256').update(code).digest('base64url');
