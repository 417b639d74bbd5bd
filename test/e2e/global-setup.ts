import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One server for every browser flow: they use different accounts and cases, so they may run side by side. */
export default async function setup(project: TestProject) {
  // The flows drive the built pages: build them first when their sources are newer than the build.
  execFileSync(process.execPath, ['scripts/ensure-web.mjs'], { stdio: 'inherit' });
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return () => server.stop();
}
