/**
 * The short narrative at the head of a monthly report: the main figures and how they moved
 * against the month before, the busiest category and the weakest area. Pure.
 */
export type Lang = 'zh-CN' | 'en';

export interface NarrativeInput {
  nodeName: string;
  month: string;
  /** Value and previous month's value of each indicator. */
  figures: Record<string, { value: number | null; previous: number | null }>;
  topCategory?: { name: string; received: number } | undefined;
  weakestChild?: { name: string; onTimeRate: number } | undefined;
}

const pct = (v: number) => `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
const fixed1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

function countChange(now: number | null, before: number | null, lang: Lang): string {
  if (now === null || before === null || before === 0) return '';
  const change = (now - before) / before;
  if (Math.abs(change) < 0.005) return lang === 'en' ? ', level with last month' : '，与上月持平';
  const word = lang === 'en' ? (change > 0 ? 'up' : 'down') : change > 0 ? '增加' : '减少';
  return lang === 'en' ? `, ${word} ${pct(Math.abs(change))} on last month` : `，较上月${word}${pct(Math.abs(change))}`;
}

function rateChange(now: number | null, before: number | null, lang: Lang): string {
  if (now === null || before === null) return '';
  const points = (now - before) * 100;
  if (Math.abs(points) < 0.05) return lang === 'en' ? ' (unchanged)' : '（与上月持平）';
  const word = lang === 'en' ? (points > 0 ? 'up' : 'down') : points > 0 ? '上升' : '下降';
  return lang === 'en' ? ` (${word} ${fixed1(Math.abs(points))} points)` : `（${word}${fixed1(Math.abs(points))}个百分点）`;
}

export function narrative(input: NarrativeInput, lang: Lang): string[] {
  const f = (code: string) => input.figures[code] ?? { value: null, previous: null };
  const count = (code: string) => f(code).value ?? 0;
  const rate = (code: string) => {
    const { value, previous } = f(code);
    return value === null ? (lang === 'en' ? 'n/a' : '无') : `${pct(value)}${rateChange(value, previous, lang)}`;
  };
  const lines: string[] = [];
  if (lang === 'en') {
    lines.push(
      `In ${input.month}, ${input.nodeName} received ${count('received')} cases${countChange(f('received').value, f('received').previous, lang)} and handled ${count('handled')}. On-time rate ${rate('on_time_rate')}; response rate ${rate('response_rate')}, resolution rate ${rate('resolution_rate')}, satisfaction rate ${rate('satisfaction_rate')}.`,
      `Hazards found: ${count('hazards_found')}, rectification rate ${rate('rectification_rate')}. Disputes received: ${count('disputes_received')}, mediation success rate ${rate('mediation_success_rate')}. Volunteer hours: ${fixed1(count('volunteer_hours'))}; care-visit coverage ${rate('care_visit_coverage')}.`,
    );
    lines.push(
      `Resident deliberation: ${count('topics_proposed')} topics proposed, ${count('topics_deliberated')} deliberated to a conclusion, ${count('topics_resolved')} resolved.`,
    );
    if (input.topCategory) lines.push(`Most cases were about ${input.topCategory.name} (${input.topCategory.received}).`);
    if (input.weakestChild)
      lines.push(`Lowest on-time rate: ${input.weakestChild.name} (${pct(input.weakestChild.onTimeRate)}).`);
  } else {
    lines.push(
      `${input.month}，${input.nodeName}受理案件${count('received')}件${countChange(f('received').value, f('received').previous, lang)}，办结${count('handled')}件。按期办结率${rate('on_time_rate')}；响应率${rate('response_rate')}，解决率${rate('resolution_rate')}，满意率${rate('satisfaction_rate')}。`,
      `发现隐患${count('hazards_found')}处，整改率${rate('rectification_rate')}。受理矛盾纠纷${count('disputes_received')}件，调解成功率${rate('mediation_success_rate')}。志愿服务${fixed1(count('volunteer_hours'))}小时；关爱走访覆盖率${rate('care_visit_coverage')}。`,
    );
    lines.push(
      `居民议事协商：提出议题${count('topics_proposed')}个，协商形成结论${count('topics_deliberated')}个，办结${count('topics_resolved')}个。`,
    );
    if (input.topCategory) lines.push(`案件最多的类别是"${input.topCategory.name}"（${input.topCategory.received}件）。`);
    if (input.weakestChild)
      lines.push(`按期办结率最低的是${input.weakestChild.name}（${pct(input.weakestChild.onTimeRate)}），需重点督办。`);
  }
  return lines;
}
