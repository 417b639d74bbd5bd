import { createHash, randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where photo bytes live, addressed by the SHA-256 of their content; an object store can stand in for the file system. */
export interface PhotoStore {
  /** Stores the bytes (once: identical bytes share one blob) and returns their key. */
  put(bytes: Buffer): Promise<string>;
  /** The stored bytes as a stream, or undefined when nothing is stored under the key. */
  get(key: string): Promise<{ stream: Readable; size: number } | undefined>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

export const contentKey = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Blobs under `<root>/ab/abcdef...`, two hex characters of fan-out so no folder grows huge. */
export function fileSystemPhotoStore(root: string): PhotoStore {
  const pathOf = (key: string) => {
    // Keys reach here from the database only, but a path is never built from anything else.
    if (!KEY.test(key)) throw new Error(`Not a photo key: ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    async put(bytes) {
      const key = contentKey(bytes);
      const target = pathOf(key);
      if (await exists(target)) return key;
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside, flushed, then renamed: a crash leaves a stray temporary file, never a half blob under a real key.
      const temporary = path.join(path.dirname(target), `.${key}.${randomUUID()}.tmp`);
      try {
        const handle = await open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return key;
    },

    async get(key) {
      let handle: FileHandle;
      try {
        handle = await open(pathOf(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const { size } = await handle.stat();
        // The stream owns the handle from here and closes it when done or destroyed.
        return { stream: handle.createReadStream(), size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
