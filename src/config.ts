import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => (value === '' || value === undefined ? undefined : value === '1' || value === 'true'));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  SEED_DEMO: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: flag,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  TRUSTED_ORIGINS: z.string().default(''),
  STREET_TIMEZONE: z.string().default('Asia/Shanghai'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: flag,
  WEB_DEV: flag,
  SCHEDULER_SECONDS: z.coerce.number().int().min(0).max(59).default(30),
  PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  pgPoolSize: number;
  /** The longest one SQL statement may run on the PostgreSQL server (0: no limit); past it the request is answered 503. */
  statementTimeoutMs: number;
  seedDemo: boolean;
  logLevel: string;
  cookieSecure: boolean;
  sessionTtlMs: number;
  /** Origins besides the server's own that may send cookie-authenticated writes. */
  trustedOrigins: string[];
  timeZone: string;
  /** Login attempts allowed per client address and minute. */
  loginRateLimitPerMinute: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** How often the deadline jobs (warnings, overdue marks, unrated closing) run; 0 turns them off in this instance. */
  schedulerSeconds: number;
  /** Serve the web app through Vite with hot reload (npm run dev) instead of the built files. */
  webDev: boolean;
  /** Largest photo upload accepted, in bytes, before it is re-encoded. */
  photoMaxBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    pgPoolSize: e.PG_POOL_SIZE,
    statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    // Demo data never lands in production by accident.
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    trustedOrigins: e.TRUSTED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    timeZone: e.STREET_TIMEZONE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY ?? false,
    schedulerSeconds: e.SCHEDULER_SECONDS,
    webDev: e.WEB_DEV ?? false,
    photoMaxBytes: e.PHOTO_MAX_BYTES,
  };
}
