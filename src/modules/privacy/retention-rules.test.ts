import { describe, expect, it } from 'vitest';
import { REMOVED, retentionCutoff, scrubContacts } from './retention-rules.ts';

describe('removing contact details from free text', () => {
  it('cuts out mobile, landline, ID numbers and e-mail addresses, keeping the rest', () => {
    expect(scrubContacts('请联系王先生 13812345678，谢谢')).toBe(`请联系王先生 ${REMOVED}，谢谢`);
    expect(scrubContacts('电话+86 138-1234-5678')).toBe(`电话${REMOVED}`);
    expect(scrubContacts('座机0571-87654321或057187654321')).toBe(`座机${REMOVED}或${REMOVED}`);
    expect(scrubContacts('身份证330102196501011234，旧证330102650101123')).toBe(`身份证${REMOVED}，旧证${REMOVED}`);
    expect(scrubContacts('身份证33010219650101123X')).toBe(`身份证${REMOVED}`);
    expect(scrubContacts('mail li.ming+x@example.com.cn now')).toBe(`mail ${REMOVED} now`);
  });

  it('leaves figures, dates, room numbers and amounts alone', () => {
    for (const text of ['3栋2单元501室漏水', '赔偿12000元，分两期', '2026-03-01 上午', '订单号 20260301', '共 138 户', null]) {
      expect(scrubContacts(text)).toBe(text);
    }
  });
});

describe('the retention cut-off', () => {
  it('counts calendar months back, clamping to the end of a shorter month', () => {
    expect(retentionCutoff(new Date('2026-12-02T08:00:00Z'), 6).toISOString()).toBe('2026-06-02T08:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-15T00:00:00Z'), 24).toISOString()).toBe('2024-01-15T00:00:00.000Z');
  });
});
