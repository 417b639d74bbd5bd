import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.ts';
import { TINY_SCALE } from '../src/demo/street-plan.ts';
import { seedNationalCalendar } from '../src/modules/calendar/calendar.service.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { serverUrl, withServerAdmin } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}

/** Builds the template every test file copies: migrated, with the tiny demo street. */
export default async function setup(project: TestProject) {
  // Runs in the main process, where the project's env is not applied: the project's name says the engine.
  if (project.name === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'fq-template-'));
    const database = await openDatabase({ memory: true });
    await migrate(database);
    await seedNationalCalendar(database.db);
    await seedDemoIfEmpty(database, TINY_SCALE);
    const file = path.join(dir, 'template.tar');
    const dump = await (database.dumpDataDir as () => Promise<Blob>)();
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('databaseTemplate', file);
    return () => rm(dir, { recursive: true, force: true });
  }
  const name = `fq_template_${randomBytes(6).toString('hex')}`;
  await withServerAdmin((client) => client.query(`create database ${name}`));
  const database = await openDatabase({ databaseUrl: serverUrl(name), poolSize: 2 });
  await migrate(database);
  await seedNationalCalendar(database.db);
  await seedDemoIfEmpty(database, TINY_SCALE);
  await database.close();
  project.provide('databaseTemplate', name);
  return () => withServerAdmin((client) => client.query(`drop database if exists ${name} with (force)`));
}
