import { describe, expect, it } from 'vitest';
import { agreementDocumentOf } from './agreement-document.ts';

const source = {
  dispute: {
    number: '2026-000007',
    type: 'compensation' as const,
    level: 'community' as const,
    committeeName: '枫林社区人民调解委员会',
  },
  studio: { name: '老杨调解工作室', address: '枫林社区党群服务中心二楼' },
  parties: [
    {
      seq: 2,
      side: 'respondent' as const,
      kind: 'person' as const,
      name: '李建国',
      idNumber: '330102196501011234',
      phone: '13800001111',
      address: '3幢501',
    },
    {
      seq: 1,
      side: 'applicant' as const,
      kind: 'person' as const,
      name: '王秀英',
      idNumber: '330102197203034321',
      phone: '13900002222',
      address: '3幢401',
    },
  ],
  agreement: {
    version: 2,
    facts: '501室水管爆裂，401室地下室被淹。',
    terms: ['乙方赔偿甲方损失12000元。'],
    createdAt: new Date('2026-03-04T17:30:00Z'),
  },
  instalments: [
    { seq: 2, dueDate: '2026-04-30', amountFen: 700_000, what: '第二期赔偿款' },
    { seq: 1, dueDate: '2026-03-31', amountFen: 500_000, what: '第一期赔偿款' },
  ],
  mediators: [{ name: '杨国平', kind: 'retired_judge' as const }],
};

describe('the agreement document', () => {
  it('lists the parties in full, applicant first, with the schedule in order and its total', () => {
    const doc = agreementDocumentOf(source, 'Asia/Shanghai');
    expect(doc.parties.map((p) => p.name)).toEqual(['王秀英', '李建国']);
    expect(doc.parties[0]?.idNumber).toBe('330102197203034321');
    expect(doc.instalments.map((i) => [i.dueDate, i.amountFen])).toEqual([
      ['2026-03-31', 500_000],
      ['2026-04-30', 700_000],
    ]);
    expect(doc.totalFen).toBe(1_200_000);
    expect(doc.studioName).toBe('老杨调解工作室');
  });
  it('dates the version in the street’s zone', () => {
    expect(agreementDocumentOf(source, 'Asia/Shanghai').date).toBe('2026-03-05');
  });
});
