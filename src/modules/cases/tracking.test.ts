import { describe, expect, it } from 'vitest';
import { normaliseTrackingCode, trackingCodeFor } from './tracking.ts';

describe('tracking codes', () => {
  const id = '6f1c2b9e-3c1f-4a6e-9f0a-2b1c3d4e5f60';

  it('are the same for the same case and secret, and differ across cases and secrets', () => {
    expect(trackingCodeFor('secret', id)).toBe(trackingCodeFor('secret', id));
    expect(trackingCodeFor('secret', id)).not.toBe(trackingCodeFor('other', id));
    expect(trackingCodeFor('secret', id)).not.toBe(trackingCodeFor('secret', id.replace('6f', '7f')));
    expect(trackingCodeFor('secret', id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('are read back however a person types them', () => {
    const code = trackingCodeFor('secret', id);
    expect(normaliseTrackingCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normaliseTrackingCode('OIL0-0000-0000')).toBe('0110-0000-0000');
    expect(normaliseTrackingCode('too-short')).toBeUndefined();
    expect(normaliseTrackingCode('UUUU-UUUU-UUUU')).toBeUndefined();
  });
});
