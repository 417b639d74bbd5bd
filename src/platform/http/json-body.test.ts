import { describe, expect, it } from 'vitest';
import { duplicateKey } from './json-body.ts';

describe('duplicate keys in a JSON body', () => {
  it('finds a key given twice in the same object, at any depth, however it is escaped', () => {
    expect(duplicateKey('{"a":1,"a":2}')).toBe('a');
    expect(duplicateKey('{"x":{"b":1, "b" :2}}')).toBe('b');
    expect(duplicateKey('[{"c":1},{"d":[{"e":1,"\\u0065":2}]}]')).toBe('e');
    expect(duplicateKey('{"title":"x","title":"y"}')).toBe('title');
  });

  it('lets the same key through in different objects, and strings that only look like keys', () => {
    expect(duplicateKey('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}')).toBeUndefined();
    expect(duplicateKey('{"a":"\\"a\\":","b":["a","a"]}')).toBeUndefined();
    expect(duplicateKey('{"note":"中文 \\" {\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
    expect(duplicateKey('"a"')).toBeUndefined();
  });
});
