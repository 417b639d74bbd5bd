import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );

describe('the locale files', () => {
  it('hold the same keys in Chinese and English, none of them empty', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zh as Tree).sort());
    for (const tree of [en, zh] as Tree[]) {
      for (const key of keys(tree)) {
        const value = key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part] as Tree | string, tree);
        expect(String(value).trim(), key).not.toBe('');
      }
    }
  });
});
