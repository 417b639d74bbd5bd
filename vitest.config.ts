import { existsSync } from 'node:fs';
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

/** Browser flows need Debian's Chromium: CI installs it; elsewhere they run when it is there. */
const browserFlows = process.env.CI === 'true' || existsSync('/usr/bin/chromium');
if (!browserFlows)
  process.stderr.write('Browser flows skipped: /usr/bin/chromium is missing (apt-get install chromium fonts-noto-cjk).\n');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
        },
      },
      dataProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [dataProject('postgres')] : []),
      ...(browserFlows
        ? [
            {
              test: {
                name: 'e2e',
                include: ['test/e2e/**/*.e2e.test.ts'],
                globalSetup: ['test/e2e/global-setup.ts'],
                testTimeout: 120_000,
                hookTimeout: 180_000,
                // A flow that fails is run once more: on two shared cores a late answer can still outrun a 30 s wait.
                retry: 1,
              },
            },
          ]
        : []),
    ],
  },
});
