import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );

/** Every folder named locales under web/src holds a zh-CN.json and an en.json. */
function localeFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const full = path.join(dir, entry.name);
    return entry.name === 'locales' ? [full] : localeFolders(full);
  });
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;

describe('the locale files', () => {
  const folders = localeFolders(path.resolve(import.meta.dirname, '..'));

  it.each(folders)('in %s hold the same keys in Chinese and English, none of them empty', (folder) => {
    const zh = read(path.join(folder, 'zh-CN.json'));
    const en = read(path.join(folder, 'en.json'));
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    for (const tree of [en, zh]) {
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] as Tree | string, tree);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });
});
