/**
 * The indicator registry: plain data. Each indicator names its formula over the rollups' sums
 * (`case.<counter>` from the case rollups of migrations 0005/0006, `stat.<measure>` from the
 * indicator rollups of migration 0016, `live.<figure>` counted now), its unit, which way is
 * better, and its definition in both languages, shown as the tooltip wherever it appears.
 * Adding an indicator is one entry here and, when it counts something new, one measure written
 * by the triggers of its source table.
 */

export type Unit = 'count' | 'rate' | 'working_days' | 'hours' | 'yuan' | 'per_1000_households';
export type Group = 'hotline' | 'cases' | 'hazards' | 'disputes' | 'volunteers' | 'care' | 'deliberation';

/** How the figure is made from the sums of its sources (a source name, or several added). */
export type Formula =
  | { sum: string[]; scale?: number }
  | { ratio: [string[], string[]] }
  | { histogram: 'mean' | 'p90' }
  | { perMonthPer1000Households: string };

export interface Indicator {
  code: string;
  group: Group;
  name: { zh: string; en: string };
  definition: { zh: string; en: string };
  unit: Unit;
  /** Which way is better; null where neither is (a count of work received). */
  higherIsBetter: boolean | null;
  formula: Formula;
}

const C = (counter: string) => `case.${counter}`;
const S = (measure: string) => `stat.${measure}`;

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'response_rate',
    group: 'hotline',
    name: { zh: '响应率', en: 'Response rate' },
    definition: {
      zh: '接诉即办"三率"之一。分子：期内受理、需联系诉求人的案件中，在首次联系时限内联系了诉求人的件数；分母：期内受理、需联系诉求人的案件数（不含驳回和重复合并的）。按受理日计（队列口径）。',
      en: 'One of the three rates of Beijing\'s "respond to complaints at once". Numerator: cases received in the period with a reporter to call back whose first call came within the contact limit; denominator: cases received in the period with a reporter to call back (rejected and merged duplicates left out). Counted on the day received (cohort).',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[S('responded_on_time')], [S('response_due')]] },
  },
  {
    code: 'resolution_rate',
    group: 'hotline',
    name: { zh: '解决率', en: 'Resolution rate' },
    definition: {
      zh: '"三率"之一，以诉求人的评价为准。分子：期内评价的案件中评分3-5分（诉求人认为问题已解决）的件数；分母：期内评价的案件数。每件案件按其最近一次评价、评价日计。',
      en: 'One of the three rates, as the reporter judges it. Numerator: cases rated in the period with 3-5 stars (the reporter says the problem is solved); denominator: cases rated in the period. Each case by its latest rating, on the day rated.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[S('verdicts_solved')], [S('verdicts')]] },
  },
  {
    code: 'satisfaction_rate',
    group: 'hotline',
    name: { zh: '满意率', en: 'Satisfaction rate' },
    definition: {
      zh: '"三率"之一。分子：期内给出的评价中4-5分（满意、基本满意）的次数；分母：期内给出的评价次数。按评价日计。',
      en: 'One of the three rates. Numerator: ratings given in the period of 4-5 stars (satisfied, fairly satisfied); denominator: ratings given in the period. On the day rated.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[C('satisfied')], [C('rated')]] },
  },
  {
    code: 'received',
    group: 'cases',
    name: { zh: '受理量', en: 'Received' },
    definition: {
      zh: '期内受理（登记）的案件数，含之后被驳回或合并的。按受理日计。',
      en: 'Cases received (registered) in the period, those later rejected or merged included. On the day received.',
    },
    unit: 'count',
    higherIsBetter: null,
    formula: { sum: [C('received')] },
  },
  {
    code: 'handled',
    group: 'cases',
    name: { zh: '办结量', en: 'Handled' },
    definition: {
      zh: '期内办结（处置完毕）的次数；退回后再办结的再计一次。按办结日计。',
      en: 'Resolutions in the period; a case returned and resolved again counts again. On the day resolved.',
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [C('resolved')] },
  },
  {
    code: 'completion_rate',
    group: 'cases',
    name: { zh: '办结率', en: 'Completion rate' },
    definition: {
      zh: '分子：期内办结数；分母：期内受理数。两者各按其日计，清理积压时可超过100%。',
      en: 'Numerator: resolutions in the period; denominator: cases received in the period. Each on its own day, so clearing a backlog can exceed 100%.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[C('resolved')], [C('received')]] },
  },
  {
    code: 'on_time_rate',
    group: 'cases',
    name: { zh: '按期办结率', en: 'On-time rate' },
    definition: {
      zh: '分子：期内办结且办结时未超过当时时限的次数；分母：期内办结次数。按办结日计。',
      en: 'Numerator: resolutions in the period made by the deadline then in force; denominator: resolutions in the period. On the day resolved.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[C('resolved_on_time')], [C('resolved')]] },
  },
  {
    code: 'avg_handling_days',
    group: 'cases',
    name: { zh: '平均办理时长', en: 'Average handling time' },
    definition: {
      zh: '期内办结的案件（按其最近一次办结日）从受理次日到办结当日所经的工作日数的平均值，按街道工作日历（节假日、调休）计；当日办结为0。',
      en: "Mean, over cases whose latest resolution fell in the period, of the working days from the day after receipt to the day resolved, by the street's working-day calendar (holidays, make-up days); resolved the same day: 0.",
    },
    unit: 'working_days',
    higherIsBetter: false,
    formula: { histogram: 'mean' },
  },
  {
    code: 'p90_handling_days',
    group: 'cases',
    name: { zh: '办理时长90分位', en: 'Handling time, 90th percentile' },
    definition: {
      zh: '同上口径下办理工作日数的第90百分位：九成案件不超过此数。由每日按工作日数分桶的直方图求得，精确到整工作日。',
      en: 'The 90th percentile of the same working days: nine cases in ten took no longer. Read from daily histograms by whole working days, so exact.',
    },
    unit: 'working_days',
    higherIsBetter: false,
    formula: { histogram: 'p90' },
  },
  {
    code: 'rating_rate',
    group: 'cases',
    name: { zh: '参评率', en: 'Rating rate' },
    definition: {
      zh: '分子：期内给出的评价次数；分母：期内评价次数加期内未经评价而结案的次数（7日未评或工作人员结案）。',
      en: 'Numerator: ratings given in the period; denominator: those ratings plus closures in the period without a rating (7 days unrated, or closed by staff).',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[C('rated')], [C('rated'), C('unrated_closed')]] },
  },
  {
    code: 'share_solved_grid',
    group: 'cases',
    name: { zh: '网格内解决占比', en: 'Share solved in the grid' },
    definition: {
      zh: '分子：期内在网格层级办结的次数；分母：期内办结次数。',
      en: 'Numerator: resolutions in the period at grid tier; denominator: resolutions in the period.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[C('solved_grid')], [C('resolved')]] },
  },
  {
    code: 'share_solved_community',
    group: 'cases',
    name: { zh: '社区解决占比', en: 'Share solved in the community' },
    definition: {
      zh: '分子：期内在社区层级办结的次数；分母：期内办结次数。',
      en: 'Numerator: resolutions in the period at community tier; denominator: resolutions in the period.',
    },
    unit: 'rate',
    higherIsBetter: null,
    formula: { ratio: [[C('solved_community')], [C('resolved')]] },
  },
  {
    code: 'share_escalated',
    group: 'cases',
    name: { zh: '上报解决占比', en: 'Share solved above' },
    definition: {
      zh: '分子：期内由街道部门或区级办结的次数；分母：期内办结次数。',
      en: 'Numerator: resolutions in the period by a street department or the district; denominator: resolutions in the period.',
    },
    unit: 'rate',
    higherIsBetter: false,
    formula: { ratio: [[C('solved_department'), C('solved_district')], [C('resolved')]] },
  },
  {
    code: 'org_handled',
    group: 'cases',
    name: { zh: '承办单位办结量', en: 'Handled by organisations' },
    definition: {
      zh: '期内办结时由承办单位（街道部门、物业公司等）承办的案件数（按其最近一次办结日计），按单位排名时即该单位的办结量。',
      en: "Cases whose latest resolution fell in the period while assigned to an organisation (a street department, a property company...); ranked by organisation, that organisation's own.",
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('org_handled')] },
  },
  {
    code: 'org_on_time_rate',
    group: 'cases',
    name: { zh: '承办单位按期办结率', en: "Organisations' on-time rate" },
    definition: {
      zh: '分子：上述案件中办结时未超过时限（或无时限）的件数；分母：上述案件数。',
      en: 'Numerator: of those cases, the ones resolved by their deadline (or without one); denominator: those cases.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[S('org_on_time')], [S('org_handled')]] },
  },
  {
    code: 'urges',
    group: 'cases',
    name: { zh: '催办次数', en: 'Urges' },
    definition: { zh: '期内对案件的催办次数。按催办日计。', en: 'Urges sent on cases in the period. On the day urged.' },
    unit: 'count',
    higherIsBetter: false,
    formula: { sum: [C('urged')] },
  },
  {
    code: 'overdue_now',
    group: 'cases',
    name: { zh: '当前超期', en: 'Overdue now' },
    definition: {
      zh: '此刻仍在办理（未办结、未挂起、未结束）且已过时限的案件数；与所选期间无关。',
      en: 'Cases still being worked on now (not resolved, suspended or finished) whose deadline has passed; the period does not apply.',
    },
    unit: 'count',
    higherIsBetter: false,
    formula: { sum: ['live.overdue'] },
  },
  {
    code: 'complaints_per_1000_households',
    group: 'cases',
    name: { zh: '千户月均投诉', en: 'Complaints per month per 1,000 households' },
    definition: {
      zh: '期内受理的投诉类案件数 ÷ 期间月数（按天数/30.4375折算） ÷ 辖区现有户数 × 1000。',
      en: 'Complaint cases received in the period ÷ months in the period (days / 30.4375) ÷ households in the area now × 1,000.',
    },
    unit: 'per_1000_households',
    higherIsBetter: false,
    formula: { perMonthPer1000Households: S('complaints') },
  },
  {
    code: 'hazards_found',
    group: 'hazards',
    name: { zh: '发现隐患', en: 'Hazards found' },
    definition: {
      zh: '期内登记的隐患类案件数，不含驳回和重复合并的。按发现日计。',
      en: 'Hazard cases reported in the period, rejected and merged duplicates left out. On the day found.',
    },
    unit: 'count',
    higherIsBetter: null,
    formula: { sum: [S('hazards_found')] },
  },
  {
    code: 'hazards_rectified',
    group: 'hazards',
    name: { zh: '整改隐患', en: 'Hazards rectified' },
    definition: {
      zh: '期内发现的隐患中，至今已复查确认整改的件数（按发现日计）。',
      en: 'Of the hazards found in the period, those confirmed rectified by re-inspection by now (on the day found).',
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('hazards_rectified')] },
  },
  {
    code: 'rectification_rate',
    group: 'hazards',
    name: { zh: '隐患整改率', en: 'Rectification rate' },
    definition: {
      zh: '分子：期内发现且至今已整改的隐患数；分母：期内发现的隐患数。',
      en: 'Numerator: hazards found in the period and rectified by now; denominator: hazards found in the period.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[S('hazards_rectified')], [S('hazards_found')]] },
  },
  {
    code: 'disputes_received',
    group: 'disputes',
    name: { zh: '受理纠纷', en: 'Disputes received' },
    definition: { zh: '期内受理的矛盾纠纷数。按受理日计。', en: 'Disputes opened in the period. On the day opened.' },
    unit: 'count',
    higherIsBetter: null,
    formula: { sum: [S('disputes_received')] },
  },
  {
    code: 'disputes_mediated',
    group: 'disputes',
    name: { zh: '调解纠纷', en: 'Disputes mediated' },
    definition: {
      zh: '期内受理的纠纷中已有调解结果（达成协议、部分达成或调解不成）的件数。',
      en: 'Of the disputes opened in the period, those mediated to an outcome (agreement, partial agreement or failure).',
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('disputes_mediated')] },
  },
  {
    code: 'mediation_success_rate',
    group: 'disputes',
    name: { zh: '调解成功率', en: 'Mediation success rate' },
    definition: {
      zh: '分子：期内受理的纠纷中达成协议或部分达成协议的件数；分母：其中已有调解结果的件数。',
      en: 'Numerator: disputes opened in the period that reached an agreement or a partial one; denominator: those of them mediated to an outcome.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: { ratio: [[S('disputes_successful')], [S('disputes_mediated')]] },
  },
  {
    code: 'amount_recovered',
    group: 'disputes',
    name: { zh: '挽回金额', en: 'Amount recovered' },
    definition: {
      zh: '期内受理的纠纷在其现行协议下已履行（已付）的金额之和，单位元。',
      en: 'Sum paid so far on the current agreements of the disputes opened in the period, in yuan.',
    },
    unit: 'yuan',
    higherIsBetter: true,
    formula: { sum: [S('disputes_recovered_fen')], scale: 0.01 },
  },
  {
    code: 'volunteer_hours',
    group: 'volunteers',
    name: { zh: '志愿服务时长', en: 'Volunteer hours' },
    definition: {
      zh: '期内志愿服务记录的时长之和（小时），按服务日计，记在志愿者所属网格或社区。',
      en: "Hours of volunteer service recorded for days in the period, at the volunteer's grid or community.",
    },
    unit: 'hours',
    higherIsBetter: true,
    formula: { sum: [S('volunteer_minutes')], scale: 1 / 60 },
  },
  {
    code: 'volunteer_participants',
    group: 'volunteers',
    name: { zh: '志愿服务人次', en: 'Volunteer participants' },
    definition: {
      zh: '期内志愿服务记录数：一人服务一次计一人次。',
      en: 'Volunteer service records for days in the period: one person serving once counts once (person-times).',
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('volunteer_services')] },
  },
  {
    code: 'care_visit_coverage',
    group: 'care',
    name: { zh: '关爱走访覆盖率', en: 'Care-visit coverage' },
    definition: {
      zh: '分子：应访日在期内（且已过）的走访中已完成的次数（按时或逾期）；分母：这些已完成的加上应访日已过仍未走访的。',
      en: 'Numerator: visits due in the period (dates passed) that were made, on time or late; denominator: those plus due dates in the period passed without a visit.',
    },
    unit: 'rate',
    higherIsBetter: true,
    formula: {
      ratio: [
        [S('care_on_time'), S('care_late')],
        [S('care_on_time'), S('care_late'), S('care_missed')],
      ],
    },
  },
  {
    code: 'topics_proposed',
    group: 'deliberation',
    name: { zh: '居民提出议题', en: 'Topics proposed' },
    definition: {
      zh: '期内居民或网格员提出（含由案件转来）的协商议题数，之后被合并或不予采纳的也计入。按提出日计，记在议题所涉楼栋（全小区议题记在社区）。',
      en: 'Deliberation topics proposed in the period by residents or grid workers (or raised from a case), those later merged or declined included. On the day proposed, at the building concerned (the community for an estate-wide topic).',
    },
    unit: 'count',
    higherIsBetter: null,
    formula: { sum: [S('topics_proposed')] },
  },
  {
    code: 'topics_deliberated',
    group: 'deliberation',
    name: { zh: '协商议题', en: 'Topics deliberated' },
    definition: {
      zh: '期内经议事协商形成结论（五步法第三步）的议题数，按形成结论日计；之后因业主表决未通过而不予实施的仍计入，退回重议的待再次形成结论时按新日期计。',
      en: "Topics that reached a conclusion by deliberation in the period (the third of the five steps), on the day concluded; those later declined (an owners' vote that failed) still count, and one sent back for more discussion counts on the day it is concluded again.",
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('topics_concluded')] },
  },
  {
    code: 'topics_resolved',
    group: 'deliberation',
    name: { zh: '办结议题', en: 'Topics resolved' },
    definition: {
      zh: '期内经实施、居民评议后办结（五步法走完）的议题数。按办结日计。',
      en: 'Topics closed in the period after the work was done and residents evaluated it (all five steps walked). On the day closed.',
    },
    unit: 'count',
    higherIsBetter: true,
    formula: { sum: [S('topics_closed')] },
  },
];

export const INDICATOR_CODES = INDICATORS.map((i) => i.code);

const byCode = new Map(INDICATORS.map((i) => [i.code, i]));
export const indicatorOf = (code: string) => byCode.get(code);
