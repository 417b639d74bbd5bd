import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking personal data', () => {
  it('shows a mobile number as its first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
  it('keeps the region and last four characters of an ID number', () => {
    expect(maskIdNumber('33068119900101123X')).toBe('330681********123X');
  });
  it('keeps a name to its surname', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李')).toBe('*');
  });
  it('passes empty values through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber(null)).toBeNull();
  });
});
