import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentKey, fileSystemPhotoStore, type PhotoStore } from './photo-store.ts';

let root: string;
let store: PhotoStore;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fq-photo-store-'));
  store = fileSystemPhotoStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the file-system photo store', () => {
  it('stores bytes under their SHA-256, fanned out by its first two characters, with no temporary file left', async () => {
    const bytes = Buffer.from('a photo');
    const key = await store.put(bytes);
    expect(key).toBe(contentKey(bytes));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(path.join(root, key.slice(0, 2), key), 'utf8')).toBe('a photo');
    expect(await readdir(path.join(root, key.slice(0, 2)))).toEqual([key]);
  });

  it('keeps one blob for identical bytes and reads it back with its size', async () => {
    const key = await store.put(Buffer.from('same'));
    expect(await store.put(Buffer.from('same'))).toBe(key);
    const blob = await store.get(key);
    if (!blob) throw new Error('stored bytes not found');
    expect(blob.size).toBe(4);
    expect(await text(blob.stream)).toBe('same');
  });

  it('answers nothing for an unknown or removed key, and refuses anything that is not a key', async () => {
    const key = await store.put(Buffer.from('to remove'));
    await store.remove(key);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/Not a photo key/);
  });
});
