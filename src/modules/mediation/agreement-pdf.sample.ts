/**
 * A typical agreement, after seed 004: a basement flooded by a burst pipe in Yucheng community,
 * the resident asking the property company for 15,000 yuan, mediated by the retired judge Jia
 * Guorui. Names, numbers and dates are made up. Used by the test and the sample script.
 */
import type { AgreementDocument } from './agreement-document.ts';

export const basementFloodingAgreement: AgreementDocument = {
  number: '榆城调〔2026〕第012号',
  version: 2,
  committeeName: '榆城社区人民调解委员会',
  studioName: '榆城帮调解工作室',
  studioAddress: '榆城社区党群服务中心一楼',
  type: 'compensation',
  level: 'community',
  parties: [
    {
      side: 'applicant',
      kind: 'person',
      name: '赵秀芝',
      idNumber: '130104196205121826',
      phone: '13831105678',
      address: '河北省石家庄市桥西区振头街道榆城小区7号楼2单元301室',
    },
    {
      side: 'respondent',
      kind: 'organisation',
      name: '石家庄市安居物业服务有限公司',
      idNumber: '91130104MA0C8KXX3P',
      phone: '0311-86051234',
      address: '河北省石家庄市桥西区振头街道榆城小区物业服务中心',
    },
  ],
  mediators: [
    { name: '贾国瑞', kind: 'retired_judge' },
    { name: '王丽霞', kind: 'staff' },
  ],
  facts:
    '2026年4月4日，榆城小区7号楼地下室供水管道破裂漏水，致申请人赵秀芝存放于地下室的物品被水浸泡受损，其中包括其父亲遗留的葫芦丝等有纪念意义的物品。申请人要求被申请人赔偿损失15000元；被申请人认为部分物品仍可使用，双方就赔偿数额存在分歧。社区邀请榆城帮成员、退休法官贾国瑞多次主持调解。',
  terms: [
    '被申请人石家庄市安居物业服务有限公司一次性补偿申请人赵秀芝财产损失及精神抚慰金共计人民币12000元。',
    '被申请人于2026年5月15日前支付首期款8000元，于2026年6月15日前支付余款4000元，以银行转账方式支付至申请人指定账户。',
    '被申请人于2026年5月31日前完成7号楼地下室供水管道的检修，并向全体业主公示检修结果。',
    '本协议履行完毕后，双方就本次漏水事件再无其他争议。',
  ],
  instalments: [
    { seq: 1, dueDate: '2026-05-15', amountFen: 800_000, what: '首期补偿款（银行转账）' },
    { seq: 2, dueDate: '2026-06-15', amountFen: 400_000, what: '余款（银行转账）' },
  ],
  totalFen: 1_200_000,
  date: '2026-04-28',
};
