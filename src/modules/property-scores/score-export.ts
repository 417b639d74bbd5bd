import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { safeRow } from '../../platform/export/safe-cells.ts';
import type { Actor } from '../access/access.policy.ts';
import type { exportQuery } from './property-scores.schemas.ts';
import type { ScoreDeps } from './property-scores.shared.ts';
import { COMPONENTS } from './scoring.ts';
import { companyScorecard, ranking } from './views.service.ts';

/**
 * The month's evaluation as the housing department files it: the ranking of companies with their
 * credit grade and change, and every estate's card with its components and what they were counted
 * from. Only what the caller may read; no personal data. Names are neutralised: a company or
 * estate name starting with = + - @ is text, not a formula.
 */
const WORDS = {
  'zh-CN': {
    ranking: '信用等级排名',
    cards: '小区评分明细',
    rank: '排名',
    company: '物业公司',
    grade: '信用等级',
    score: '得分',
    estates: '小区数',
    previous: '上月等级',
    change: '较上月',
    community: '社区',
    estate: '小区',
    review: '红色物业议事日评议',
    complaints: '投诉',
    handling: '诉求按时办结',
    rectification: '隐患按时整改',
    ratings: '居民评价',
    casesAssigned: '交办诉求',
    casesOnTime: '按时办结',
    complaintCount: '投诉件数',
    ordersDue: '到期整改单',
    ordersOnTime: '按时整改',
    ratingCount: '评价数',
    households: '户数',
    weightsVersion: '权重版本',
  },
  en: {
    ranking: 'Credit grade ranking',
    cards: 'Estate scorecards',
    rank: 'Rank',
    company: 'Property company',
    grade: 'Credit grade',
    score: 'Score',
    estates: 'Estates',
    previous: 'Last month',
    change: 'Change',
    community: 'Community',
    estate: 'Estate',
    review: 'Discussion-day review',
    complaints: 'Complaints',
    handling: 'Cases on time',
    rectification: 'Hazards rectified on time',
    ratings: 'Residents’ ratings',
    casesAssigned: 'Cases handed over',
    casesOnTime: 'On time',
    complaintCount: 'Complaints',
    ordersDue: 'Orders due',
    ordersOnTime: 'Rectified on time',
    ratingCount: 'Ratings',
    households: 'Households',
    weightsVersion: 'Weights version',
  },
} as const;

export async function exportScores(deps: ScoreDeps, actor: Actor, query: z.infer<typeof exportQuery>) {
  const words = WORDS[query.lang];
  const ranked = await ranking(deps, actor, query.month);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(words.ranking);
  sheet.columns = [
    { header: words.rank, key: 'rank', width: 8 },
    { header: words.company, key: 'company', width: 28 },
    { header: words.grade, key: 'grade', width: 10 },
    { header: words.score, key: 'score', width: 10 },
    { header: words.estates, key: 'estates', width: 10 },
    { header: words.previous, key: 'previous', width: 10 },
    { header: words.change, key: 'change', width: 10 },
  ];
  for (const item of ranked.items) {
    sheet.addRow(
      safeRow({
        rank: item.rank,
        company: item.companyName,
        grade: item.grade,
        score: item.score,
        estates: item.estates,
        previous: item.previousGrade,
        change: item.change,
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };

  const detail = workbook.addWorksheet(words.cards);
  const counts = [
    'households',
    'casesAssigned',
    'casesOnTime',
    'complaintCount',
    'ordersDue',
    'ordersOnTime',
    'ratingCount',
  ] as const;
  detail.columns = [
    { header: words.company, key: 'company', width: 26 },
    { header: words.community, key: 'community', width: 12 },
    { header: words.estate, key: 'estate', width: 16 },
    { header: words.grade, key: 'grade', width: 9 },
    { header: words.score, key: 'score', width: 9 },
    ...COMPONENTS.map((c) => ({ header: words[c], key: c, width: 14 })),
    ...counts.map((c) => ({ header: words[c], key: c, width: 11 })),
    { header: words.weightsVersion, key: 'weightsVersion', width: 10 },
  ];
  for (const item of ranked.items) {
    const company = await companyScorecard(deps, actor, item.companyId, ranked.month);
    for (const card of company.cards) {
      detail.addRow(
        safeRow({
          company: company.companyName,
          community: card.communityName,
          estate: card.estateName,
          grade: card.grade,
          score: card.score,
          ...card.components,
          households: card.inputs.households,
          casesAssigned: card.inputs.casesSettled,
          casesOnTime: card.inputs.casesOnTime,
          complaintCount: card.inputs.complaints,
          ordersDue: card.inputs.ordersDue,
          ordersOnTime: card.inputs.ordersOnTime,
          ratingCount: card.inputs.ratings,
          weightsVersion: card.weightsVersion,
        }),
      );
    }
  }
  detail.getRow(1).font = { bold: true };
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    rows: ranked.items.length,
    fileName: `property-scores-${ranked.month}.xlsx`,
  };
}
