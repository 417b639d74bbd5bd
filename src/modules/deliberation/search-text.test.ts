import { describe, expect, it } from 'vitest';
import { redactPersonalData, searchText } from './search-text.ts';

describe('text for similar proposals', () => {
  it('writes Chinese as overlapping bigrams and keeps other words whole', () => {
    expect(searchText('3号楼屋顶漏水')).toBe('3 号楼 楼屋 屋顶 顶漏 漏水');
    expect(searchText('Roof leaks', '漏')).toBe('roof leaks 漏');
  });
});

describe('personal data in public text', () => {
  it('blanks mobile, landline and ID numbers but leaves building numbers and money', () => {
    const text = '3号楼漏水，联系13812345678或0571-82345678，身份证330681199001011234，预算12000元';
    const out = redactPersonalData(text);
    expect(out).not.toContain('13812345678');
    expect(out).not.toContain('82345678');
    expect(out).not.toContain('330681199001011234');
    expect(out).toContain('3号楼');
    expect(out).toContain('12000元');
  });

  it('catches a phone written with spaces', () => {
    expect(redactPersonalData('电话 138 1234 5678')).not.toMatch(/1234/);
  });
});
