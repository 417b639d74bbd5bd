/**
 * What mediators write in a file: session notes and next steps, the reason for sending a file up a
 * level, the note on an outcome, and the agreement itself with its performance schedule, whose
 * money term names the same total as the instalments add up to. Pure.
 */
import type { DisputeType, Level, Outcome, Referral } from '../modules/mediation/dispute-rules.ts';
import { addDays } from '../modules/mediation/performance.ts';
import type { FileSpec } from './mediation-files.ts';
import type { Random } from './random.ts';

export interface Agreed {
  facts: string;
  terms: string[];
  schedule: { dueDate: string; amountFen: number; what: string }[];
  /** Yuan the money term names, the sum of the schedule. */
  total: number;
}

interface Names {
  a: string;
  b: string;
  /** The file's facts, which the agreement restates. */
  facts: string;
}

const LAW: Record<DisputeType, string> = {
  neighbour: '《民法典》关于相邻关系的规定',
  property: '《民法典》物业服务合同的规定和《物业管理条例》',
  labour_wage: '《劳动合同法》和《保障农民工工资支付条例》',
  marriage_family: '《民法典》婚姻家庭编',
  compensation: '《民法典》侵权责任编',
  land_relocation: '征收补偿安置政策',
  other: '《民法典》合同编',
};
const REFERRED: Record<Referral, string> = {
  court: '向诸暨市人民法院提起诉讼',
  arbitration: '向诸暨市劳动人事争议仲裁委员会申请仲裁',
  legal_aid: '向诸暨市法律援助中心申请法律援助',
};
const MOODS = [
  '双方情绪较为激动，调解员分别做了疏导。',
  '双方态度尚可，均表示愿意通过调解解决。',
  '一方情绪激动，调解员单独做了思想工作。',
];

export const cnDate = (date: string) =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function heldNotes(random: Random, spec: FileSpec, who: Names, at: { n: number; final: boolean }) {
  const { a, b } = who;
  const { issue } = spec.scenario;
  const law = LAW[spec.scenario.type];
  if (!at.final) {
    if (at.n === 1) {
      return {
        notes: `调解员分别听取了${a}和${b}的陈述，${spec.scenario.type === 'marriage_family' ? '了解了家庭情况' : '查看了现场和相关凭证'}，争议焦点为${issue}。${random.pick(MOODS)}`,
        next_steps:
          spec.scenario.type === 'marriage_family'
            ? '调解员分别做家庭成员工作，约定下次调解时间。'
            : `请${a}补充相关票据和照片，约定下次调解时间。`,
      };
    }
    return {
      notes: `第${at.n}次调解。调解员结合${law}向双方释法说理，${b}表示愿意承担部分责任，但双方对${issue}仍有分歧。`,
      next_steps: '双方回去考虑，调解员背靠背做工作后再约调解。',
    };
  }
  switch (spec.fate) {
    case 'failed':
      return {
        notes: `经多次调解，双方对${issue}分歧仍然较大，${b}坚持原有意见，调解不成。`,
        next_steps: `告知当事人可${REFERRED[spec.referral]}。`,
      };
    case 'withdrawn':
      return { notes: `${a}表示双方已私下协商，考虑撤回调解申请。`, next_steps: '待申请人书面确认撤回。' };
    case 'partial_agreement':
      return {
        notes: `经调解员释法说理，双方就${issue}的主要部分达成一致，其余部分分歧较大，当场签订部分协议。`,
        next_steps: '按协议履行，其余部分告知当事人其他解决途径。',
      };
    default:
      return {
        notes: `经调解员依据${law}释法说理、背靠背做工作，双方就${issue}达成一致，当场签订人民调解协议。`,
        next_steps: '按协议履行，调解员按期回访。',
      };
  }
}

export function escalationReason(random: Random, spec: FileSpec, to: Level): string {
  const { issue, type } = spec.scenario;
  if (to === 'community') {
    return random.pick([
      `双方对${issue}分歧较大，网格调解未果，提请社区人民调解委员会调解`,
      spec.scenario.against === 'property' ? '涉及物业公司，需社区出面协调' : '一方情绪激动，网格员难以推进，提级由社区调解',
    ]);
  }
  if (type === 'labour_wage') return '涉及劳动报酬，需街道劳动争议调解室会同人社部门联合调解';
  if (type === 'land_relocation') return '涉及征迁补偿政策解释，需街道调委会会同征迁办调解';
  if (type === 'compensation') return '赔偿金额分歧较大，提请街道调委会并邀请退休法官参与调解';
  return random.pick([
    '涉及人数较多，存在聚集风险，提请街道调解',
    `社区多次调解未果，双方对${issue}分歧较大，提请街道调委会调解`,
  ]);
}

export function outcomeNote(random: Random, outcome: Outcome, referral?: Referral): string {
  if (outcome === 'failed') return `调解不成，已告知当事人可${REFERRED[referral ?? 'court']}`;
  if (outcome === 'withdrawn') return random.pick(['申请人撤回调解申请，双方已自行和解', '申请人表示不再调解，另行解决']);
  return outcome === 'partial_agreement' ? '部分达成协议' : '达成调解协议';
}

/**
 * The agreement drawn up on `today`: the money claimed scaled to what the parties settle for (or
 * the total given, when redrawn), paid in instalments, and the obligations besides money.
 */
export function agreementOf(
  random: Random,
  spec: FileSpec,
  who: Names,
  outcome: 'agreement' | 'partial_agreement',
  today: string,
  total?: number,
  again = false,
): Agreed {
  const s = spec.scenario;
  // A group's money goes to all of them: the workers of a site, the members of a closed gym.
  const applicants =
    spec.people > 1 && (s.type === 'labour_wage' || s.risk.includes('group_dispute')) ? `${who.a}等${spec.people}人` : who.a;
  const [payer, payee] = s.applicantPays ? [applicants, who.b] : [who.b, applicants];
  const share =
    outcome === 'partial_agreement'
      ? random.between(0.35, 0.65)
      : s.type === 'labour_wage'
        ? random.between(0.9, 1)
        : random.between(0.7, 1);
  const step = spec.claim >= 1000 ? 100 : 10;
  const yuan = total ?? Math.min(spec.claim, Math.round((spec.claim * share) / step) * step);
  const schedule: Agreed['schedule'] = [];
  const terms: string[] = [];
  if (again) terms.push(`原协议第1期未按期履行，经再次调解，${payer}确认尚欠${yuan}元，按本协议重新约定的期限履行。`);
  if (yuan > 0) {
    const count = again ? random.int(2, 3) : random.int(...s.instalments);
    const each = count > 1 ? Math.floor(yuan / count / 100) * 100 : yuan;
    const n = each > 0 ? count : 1;
    let due = addDays(today, s.type === 'labour_wage' ? random.int(7, 15) : random.int(10, 30));
    for (let k = 1; k <= n; k++, due = addDays(due, s.every)) {
      const amount = k < n ? each : yuan - each * (n - 1);
      schedule.push({ dueDate: due, amountFen: amount * 100, what: n > 1 ? `${s.payment}（第${k}期）` : s.payment });
    }
    terms.push(
      n === 1
        ? `${payer}于${cnDate(schedule[0]?.dueDate as string)}前一次性向${payee}支付${s.payment}人民币${yuan}元。`
        : `${payer}分${n}期向${payee}支付${s.payment}共计人民币${yuan}元：${schedule.map((i, k) => `第${k + 1}期于${cnDate(i.dueDate)}前支付${i.amountFen / 100}元`).join('；')}。`,
    );
  }
  for (const action of again ? [] : s.actions) {
    const due = addDays(today, random.int(7, 20));
    const text = action.replaceAll('{date}', cnDate(due)).replaceAll('甲方', who.a).replaceAll('乙方', who.b);
    schedule.push({ dueDate: due, amountFen: 0, what: text.slice(0, 200) });
    terms.push(`${text}。`);
  }
  if (outcome === 'partial_agreement') terms.push(`对${s.issue}中未达成一致的部分，双方同意另行${REFERRED[spec.referral]}解决。`);
  terms.push('本协议履行完毕后，双方就本纠纷再无其他争议。');
  terms.push('本协议一式三份，双方当事人各执一份，人民调解委员会留存一份，自各方签字之日起生效。');
  return {
    facts: `${who.facts}经人民调解委员会主持调解，双方在平等自愿的基础上达成如下协议。`,
    terms,
    schedule,
    total: yuan,
  };
}
