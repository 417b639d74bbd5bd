import { describe, expect, it } from 'vitest';
import { newUuid } from './geo.ts';

describe('patrol positions', () => {
  it('makes ids the server reads as UUIDs', () => {
    expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
