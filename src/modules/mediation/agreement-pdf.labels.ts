/**
 * The words and formats of the printed agreement in each language. The free text (facts, terms,
 * names) is printed as the mediator wrote it; only the frame is translated.
 */
import type { AgreementParty } from './agreement-document.ts';
import type { DisputeType, Level } from './dispute-rules.ts';
import type { MediatorKind } from './mediation.tables.ts';

type PartySide = AgreementParty['side'];
type PartyKind = AgreementParty['kind'];

export type AgreementLang = 'zh-CN' | 'en';

export interface AgreementLabels {
  title: string;
  number: string;
  version: (v: number) => string;
  committee: string;
  studio: string;
  level: string;
  levels: Record<Level, string>;
  disputeType: string;
  disputeTypes: Record<DisputeType, string>;
  parties: string;
  sides: Record<PartySide, string>;
  kinds: Record<PartyKind, string>;
  idNumber: Record<PartyKind, string>;
  phone: string;
  address: Record<PartyKind, string>;
  mediators: string;
  mediatorKinds: Record<MediatorKind, string>;
  facts: string;
  terms: string;
  schedule: string;
  scheduleColumns: [string, string, string, string];
  total: string;
  binding: string[];
  copies: (n: number) => string;
  /** Shown under the title of a translation only. */
  translationNote: string | null;
  signatures: string;
  partySignature: string;
  mediatorSignature: string;
  /** One mediator's name above the line they sign on. */
  mediator: string;
  seal: string;
  sealPlace: string;
  signedOn: string;
  page: (page: number, pages: number) => string;
  separator: string;
  /** Joins names in a list, and the details of a party. */
  listJoin: string;
  detailJoin: string;
  aside: (text: string) => string;
  date: (iso: string) => string;
  yuan: (fen: number) => string;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');

function dateParts(iso: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`AGREEMENT_BAD_DATE: ${iso} is not YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Small counts as written in Chinese documents: 3 -> 三; from 20 on, in digits. */
function chineseCount(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n >= 1 && n < 10) return digits.charAt(n);
  if (n >= 10 && n < 20) return `十${n > 10 ? digits.charAt(n - 10) : ''}`;
  return String(n);
}

/** 1234500 fen -> "12,345.00": integer arithmetic, so no float rounding on money. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${(abs % 100).toString().padStart(2, '0')}`;
}

const zh: AgreementLabels = {
  title: '人民调解协议书',
  number: '编号',
  version: (v) => `第${v}版`,
  committee: '调解组织',
  studio: '调解工作室',
  level: '调解层级',
  levels: { grid: '网格', community: '社区', street: '街道' },
  disputeType: '纠纷类型',
  disputeTypes: {
    neighbour: '邻里纠纷',
    property: '物业纠纷',
    labour_wage: '劳动争议及欠薪纠纷',
    marriage_family: '婚姻家庭纠纷',
    compensation: '损害赔偿纠纷',
    land_relocation: '土地征收及拆迁纠纷',
    other: '其他纠纷',
  },
  parties: '当事人',
  sides: { applicant: '申请人', respondent: '被申请人', third_party: '第三人' },
  kinds: { person: '自然人', organisation: '单位' },
  idNumber: { person: '身份证号码', organisation: '统一社会信用代码' },
  phone: '联系电话',
  address: { person: '住址', organisation: '住所地' },
  mediators: '人民调解员',
  mediatorKinds: { staff: '社区工作者', lawyer: '律师', retired_judge: '退休法官', volunteer: '志愿者' },
  facts: '纠纷主要事实及争议事项',
  terms: '经人民调解委员会主持调解，当事人自愿达成如下协议：',
  schedule: '履行方式及期限',
  scheduleColumns: ['序号', '履行期限', '金额（元）', '履行内容'],
  total: '合计',
  binding: [
    '本协议经各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。',
    '依照《中华人民共和国人民调解法》第三十一条，经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
    '当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
  ],
  copies: (n) => `本协议一式${chineseCount(n)}份，各方当事人、人民调解委员会各执一份。`,
  translationNote: null,
  signatures: '签署',
  partySignature: '（签名、盖章或按指印）',
  mediatorSignature: '（签名）',
  mediator: '人民调解员',
  seal: '人民调解委员会（印章）',
  sealPlace: '盖章处',
  signedOn: '日期',
  page: (page, pages) => `第 ${page} 页  共 ${pages} 页`,
  separator: '：',
  listJoin: '、',
  detailJoin: '；',
  aside: (text) => `（${text}）`,
  date: (iso) => {
    const [y, m, d] = dateParts(iso);
    return `${y}年${m}月${d}日`;
  },
  yuan: (fen) => `${formatYuan(fen)}元`,
};

const en: AgreementLabels = {
  title: "People's Mediation Agreement",
  number: 'No.',
  version: (v) => `Version ${v}`,
  committee: 'Mediation committee',
  studio: 'Mediation studio',
  level: 'Level',
  levels: { grid: 'Grid', community: 'Community', street: 'Street' },
  disputeType: 'Type of dispute',
  disputeTypes: {
    neighbour: 'Neighbour',
    property: 'Property management',
    labour_wage: 'Labour and wage arrears',
    marriage_family: 'Marriage and family',
    compensation: 'Compensation',
    land_relocation: 'Land and relocation',
    other: 'Other',
  },
  parties: 'Parties',
  sides: { applicant: 'Applicant', respondent: 'Respondent', third_party: 'Third party' },
  kinds: { person: 'individual', organisation: 'organisation' },
  idNumber: { person: 'ID card number', organisation: 'Unified social credit code' },
  phone: 'Phone',
  address: { person: 'Address', organisation: 'Registered address' },
  mediators: "People's mediators",
  mediatorKinds: { staff: 'community worker', lawyer: 'lawyer', retired_judge: 'retired judge', volunteer: 'volunteer' },
  facts: 'Facts of the dispute and matters in dispute',
  terms: "Through mediation by the people's mediation committee, the parties have voluntarily agreed as follows:",
  schedule: 'Performance schedule',
  scheduleColumns: ['No.', 'Due date', 'Amount (yuan)', 'What'],
  total: 'Total',
  binding: [
    "This agreement takes effect on the day it is signed, sealed or fingerprinted by every party, signed by the mediator(s) and sealed by the people's mediation committee.",
    "Under Article 31 of the People's Mediation Law of the People's Republic of China, a mediation agreement reached through a people's mediation committee is legally binding, and the parties shall perform it as agreed.",
    "The parties may jointly apply to a people's court for judicial confirmation within thirty days of the day this agreement takes effect.",
  ],
  copies: (n) => `This agreement is made in ${n} copies: one for each party and one for the people's mediation committee.`,
  translationNote: 'English rendering for reference; the Chinese text of the agreement prevails.',
  signatures: 'Signatures',
  partySignature: '(signature, seal or fingerprint)',
  mediatorSignature: '(signature)',
  mediator: 'Mediator',
  seal: "People's mediation committee (seal)",
  sealPlace: 'Seal',
  signedOn: 'Date',
  page: (page, pages) => `Page ${page} of ${pages}`,
  separator: ': ',
  listJoin: '; ',
  detailJoin: '; ',
  aside: (text) => ` (${text})`,
  date: (iso) => {
    const [y, m, d] = dateParts(iso);
    return `${d} ${MONTHS[m - 1]} ${y}`;
  },
  yuan: (fen) => `CNY ${formatYuan(fen)}`,
};

export const AGREEMENT_LABELS: Record<AgreementLang, AgreementLabels> = { 'zh-CN': zh, en };
