/**
 * Makes node:crypto's randomUUID count instead of draw, in this thread, so that two runs of the
 * same seed give the same rows. For measuring only: modules that imported it see the change too.
 */
import crypto, { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

export function deterministicIds(stream: string): void {
  const base = createHash('sha256').update(stream).digest('hex');
  let n = 0;
  crypto.randomUUID = () => {
    n++;
    const hex = `${base.slice(0, 20)}${n.toString(16).padStart(12, '0')}`;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  syncBuiltinESMExports();
}
