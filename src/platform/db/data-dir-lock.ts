import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite lets a second process open the same folder and then silently loses writes, so one
 * server holds the folder at a time. The lock file names its owner's pid; a lock whose process is
 * gone (a crash, SIGKILL) is stale and taken over.
 */
export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: string) {
    super(
      `The data folder ${dir} is in use by another Fengqiao server (${owner}). ` +
        'Stop that server, or start this one with another DATA_DIR. ' +
        'Several instances need a PostgreSQL server (DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, 'fengqiao.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await handle.close();
      return { release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(file);
      if (owner && isAlive(owner.pid)) throw new DataDirLockedError(dir, `pid ${owner.pid} since ${owner.since}`);
      await rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(dir, 'another process kept taking the lock');
}

interface LockOwner {
  pid: number;
  since: string;
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, since: String(owner.since) } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function releaseIfOurs(file: string): Promise<void> {
  const owner = await readOwner(file);
  if (owner?.pid === process.pid) await rm(file, { force: true });
}
