import { defineConfig } from 'vitest/config';

/**
 * Pure tests run once; tests on a database (*.db.test.ts) run on embedded PGlite, and again on
 * the PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run does).
 */
const dataProject = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: engine,
    include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
    env: { TEST_DB: engine },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.db.test.ts'] } },
      dataProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [dataProject('postgres')] : []),
    ],
  },
});
