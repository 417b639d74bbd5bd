import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber } from './id-number.ts';

describe('identity card numbers', () => {
  it('accepts a number whose check character matches', () => {
    const first17 = '33068119900307123';
    expect(isValidIdNumber(first17 + idNumberCheckChar(first17))).toBe(true);
  });
  it('refuses a wrong check character, an impossible birth date and a wrong length', () => {
    const first17 = '33068119900307123';
    const wrong = idNumberCheckChar(first17) === '1' ? '2' : '1';
    expect(isValidIdNumber(first17 + wrong)).toBe(false);
    const feb30 = '33068119900230123';
    expect(isValidIdNumber(feb30 + idNumberCheckChar(feb30))).toBe(false);
    expect(isValidIdNumber('3306811990')).toBe(false);
  });
});
