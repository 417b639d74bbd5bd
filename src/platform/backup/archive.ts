import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** The archive: one tar file holding manifest.json, the database and the photo files under files/. */
const run = promisify(execFile);

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** Every file under a folder, relative paths in sorted order; temporary files of unfinished writes are left out. */
export async function listFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Copies a folder's files into another, answering each one's size and checksum. */
export async function copyFiles(from: string, to: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  for (const relative of await listFiles(from)) {
    const target = path.join(to, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(from, relative), target);
    entries.push({ path: relative, bytes: (await stat(target)).size, sha256: await sha256File(target) });
  }
  return entries;
}

export const packTar = (folder: string, archive: string) => run('tar', ['-cf', archive, '-C', folder, '.']);
export const unpackTar = (archive: string, folder: string) => run('tar', ['-xf', archive, '-C', folder, '--no-same-owner']);

/** A PostgreSQL client program: PG_BIN, then Debian's PostgreSQL 15 folder, then PATH. */
export function pgProgram(name: 'pg_dump' | 'pg_restore'): string {
  for (const dir of [process.env.PG_BIN, '/usr/lib/postgresql/15/bin']) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return name;
}

export const runProgram = (program: string, args: string[]) => run(program, args, { maxBuffer: 16 * 1024 * 1024 });
