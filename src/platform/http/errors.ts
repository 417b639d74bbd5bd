import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error meant for the caller: a stable code the web app translates, a message, the field at fault. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Fastify's name for the status, read by handlers that do not know AppError (Open311's own). */
  get statusCode(): number {
    return this.status;
  }
}

export const badRequest = (code: string, message: string, field?: string) => new AppError(400, code, message, field);
export const unauthorized = (message = 'Sign in first.') => new AppError(401, 'AUTH_REQUIRED', message);
export const forbidden = (code: string, message: string) => new AppError(403, code, message);
/** Also the answer for a record outside the caller's scope: its existence is not revealed. */
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found.`);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const body = (code: string, message: string, field?: string): ErrorBody => ({
  error: field ? { code, message, field } : { code, message },
});

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string } };
}

function fieldOf(context: string | undefined, issue: ValidationIssue): string | undefined {
  const zodPath = issue.params?.issue?.path;
  const path = zodPath?.length ? zodPath.map(String).join('.') : issue.instancePath?.replace(/^\//, '').replaceAll('/', '.');
  if (path) return path;
  return context === 'body' ? undefined : context;
}

/** PostgreSQL errors a user's input can cause, answered as their mistake rather than a 500. */
const PG_USER_ERRORS: Record<string, [number, string, string]> = {
  '23505': [409, 'ALREADY_EXISTS', 'A record with the same unique value already exists.'],
  '23503': [400, 'REFERENCE_NOT_FOUND', 'A referenced record does not exist.'],
  '23514': [400, 'CONSTRAINT_VIOLATED', 'A value is outside what is allowed.'],
  '22P02': [400, 'INVALID_VALUE', 'A value has the wrong format.'],
  '22001': [400, 'VALUE_TOO_LONG', 'A value is too long.'],
};

/** Which request field a unique or check constraint is about, to point the user at it. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  area_nodes_code_per_parent: 'code',
  residents_id_number: 'idNumber',
  users_username_key: 'username',
  organisations_code: 'code',
  role_assignments_unique: 'role',
  patrol_teams_name: 'name',
  patrol_partners_current: 'userId',
  mediators_user: 'userId',
  mediation_studios_name: 'name',
  mediation_bookings_once: 'slotStart',
  disputes_case: 'caseId',
};

export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return reply.status(error.status).send(body(error.code, error.message, error.field));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = (error.validation[0] ?? {}) as ValidationIssue;
    const message = issue.params?.issue?.message ?? issue.message ?? 'Invalid request.';
    return reply.status(400).send(body('VALIDATION_FAILED', message, fieldOf(error.validationContext, issue)));
  }
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && PG_USER_ERRORS[pgCode]) {
    const [status, code, message] = PG_USER_ERRORS[pgCode];
    const constraint = (error as { constraint?: string }).constraint;
    request.log.info({ err: error }, 'database refused user input');
    return reply.status(status).send(body(code, message, constraint ? CONSTRAINT_FIELDS[constraint] : undefined));
  }
  if (isConnectionError(error)) {
    request.log.error({ err: error }, 'database unavailable');
    reply.header('retry-after', '5');
    return reply.status(503).send(body('DATABASE_UNAVAILABLE', 'The database is unavailable. Try again shortly.'));
  }
  if (pgCode === '57014') {
    // statement_timeout (or a cancelled query): the database is too slow right now, nothing was written.
    request.log.warn({ err: error }, 'database statement timed out');
    reply.header('retry-after', '5');
    return reply.status(503).send(body('DATABASE_TIMEOUT', 'The database is too busy to answer in time. Try again shortly.'));
  }
  const storage = storageError(error);
  if (storage) {
    request.log.error({ err: error }, 'storage full');
    return reply
      .status(507)
      .send(body(storage, 'The server has no room left to store this. Try again later; it has been logged.'));
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'BODY_TOO_LARGE' : (error.code ?? 'BAD_REQUEST');
    return reply.status(status).send(body(code.replace(/^FST_ERR_/, ''), error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side. It has been logged.'));
}

/** Errors the router raises before any route runs: answered in the app's shape, without echoing the URL. */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return reply.status(414).send(body('URL_TOO_LONG', 'A part of the address is too long.'));
  return reply.status(400).send(body('BAD_URL', 'The address is not valid (broken percent escapes or characters).'));
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** A write that failed because the disk (or quota) is full: STORAGE_FULL, whatever layer it came through. */
export function storageError(error: unknown): 'STORAGE_FULL' | undefined {
  const code = (error as { code?: unknown })?.code;
  // ENOSPC / EDQUOT from the file system; 53100 disk_full from PostgreSQL.
  return code === 'ENOSPC' || code === 'EDQUOT' || code === '53100' ? 'STORAGE_FULL' : undefined;
}

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  const message = String((error as Error)?.message ?? '');
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable|Client was closed/.test(
    message,
  );
}
