import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { handleError } from './errors.ts';

/** Faults below the app answered with a status and a stable code, never 500 (runs without root or a database). */
async function answerTo(error: Error & { code?: string }) {
  const app = Fastify();
  app.setErrorHandler(handleError);
  app.get('/', async () => {
    throw error;
  });
  const response = await app.inject({ url: '/' });
  await app.close();
  return response;
}

const fault = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('faults below the app', () => {
  it('a full disk is 507 STORAGE_FULL, without the system error in the body', async () => {
    for (const code of ['ENOSPC', 'EDQUOT', '53100']) {
      const response = await answerTo(fault(`${code}: no space left on device, write '/data/files/ab/x.tmp'`, code));
      expect(response.statusCode).toBe(507);
      expect(response.json().error.code).toBe('STORAGE_FULL');
      expect(response.body).not.toContain('/data/files');
    }
  });

  it('a statement past its timeout is 503 DATABASE_TIMEOUT with Retry-After', async () => {
    const response = await answerTo(fault('canceling statement due to statement timeout', '57014'));
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json().error.code).toBe('DATABASE_TIMEOUT');
  });

  it('a database gone mid-request is 503 DATABASE_UNAVAILABLE with Retry-After', async () => {
    for (const error of [
      fault('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      fault('terminating connection due to administrator command', '57P01'),
    ]) {
      const response = await answerTo(error);
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
    }
  });
});
