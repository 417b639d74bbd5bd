import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from './request-context.ts';

const request = (method: string, headers: Record<string, string>) =>
  ({ method, headers: { host: 'fengqiao.local:3000', ...headers } }) as unknown as FastifyRequest;

describe('cross-site write detection', () => {
  it('lets reads through whatever their origin', () => {
    expect(isCrossSiteWrite(request('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), [])).toBe(false);
  });
  it('trusts the browser’s Sec-Fetch-Site first', () => {
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'same-origin' }), [])).toBe(false);
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'same-site' }), [])).toBe(true);
    expect(isCrossSiteWrite(request('POST', { 'sec-fetch-site': 'cross-site' }), [])).toBe(true);
  });
  it('compares Origin with the Host, allowing configured origins', () => {
    expect(isCrossSiteWrite(request('POST', { origin: 'http://fengqiao.local:3000' }), [])).toBe(false);
    expect(isCrossSiteWrite(request('POST', { origin: 'http://other.local:3000' }), [])).toBe(true);
    expect(isCrossSiteWrite(request('POST', { origin: 'https://app.example' }), ['https://app.example'])).toBe(false);
    expect(isCrossSiteWrite(request('POST', { origin: 'null' }), [])).toBe(true);
  });
  it('lets through a client that is not a browser (no Origin, no Sec-Fetch-Site)', () => {
    expect(isCrossSiteWrite(request('POST', {}), [])).toBe(false);
  });
});
