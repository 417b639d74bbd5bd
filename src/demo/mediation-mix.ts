/**
 * The mix of the demo street's year of disputes, after the seeds: how many of each type, how each
 * type tends to end, at which level it starts and how often it goes up one, when in the year it
 * comes, who refers it. Pure data.
 */
import type { DisputeType, Level, Outcome } from '../modules/mediation/dispute-rules.ts';

/** A year of the full street, type by type: shares after the seeds' reports. */
export const TYPE_SHARES: [DisputeType, number][] = [
  ['neighbour', 70],
  ['property', 52],
  ['marriage_family', 42],
  ['compensation', 30],
  ['labour_wage', 22],
  ['land_relocation', 8],
  ['other', 16],
];
export const SHARES_TOTAL = 240;
/** Seed 002's labour-dispute room over its year, scaled to the files the demo holds. */
export const LABOUR_PEOPLE = 120;
export const LABOUR_YUAN = 2_500_000;

/** Agreement, partial agreement, failure, withdrawal: success near 92 % of mediated files. */
export const OUTCOMES: Record<DisputeType, [Outcome, number][]> = {
  neighbour: [
    ['agreement', 82],
    ['partial_agreement', 6],
    ['failed', 5],
    ['withdrawn', 7],
  ],
  property: [
    ['agreement', 74],
    ['partial_agreement', 12],
    ['failed', 7],
    ['withdrawn', 7],
  ],
  marriage_family: [
    ['agreement', 74],
    ['partial_agreement', 9],
    ['failed', 10],
    ['withdrawn', 7],
  ],
  compensation: [
    ['agreement', 78],
    ['partial_agreement', 10],
    ['failed', 9],
    ['withdrawn', 3],
  ],
  labour_wage: [
    ['agreement', 74],
    ['partial_agreement', 16],
    ['failed', 8],
    ['withdrawn', 2],
  ],
  land_relocation: [
    ['agreement', 60],
    ['partial_agreement', 22],
    ['failed', 15],
    ['withdrawn', 3],
  ],
  other: [
    ['agreement', 76],
    ['partial_agreement', 8],
    ['failed', 9],
    ['withdrawn', 7],
  ],
};
/** "Small things don't leave the grid, big things don't leave the community": where each type starts. */
export const START: Record<DisputeType, [Level, number][]> = {
  neighbour: [
    ['grid', 85],
    ['community', 15],
  ],
  property: [
    ['grid', 45],
    ['community', 55],
  ],
  marriage_family: [
    ['grid', 30],
    ['community', 70],
  ],
  compensation: [
    ['grid', 35],
    ['community', 60],
    ['street', 5],
  ],
  labour_wage: [
    ['community', 30],
    ['street', 70],
  ],
  land_relocation: [['community', 100]],
  other: [
    ['grid', 40],
    ['community', 55],
    ['street', 5],
  ],
};
/** How often a file goes up a level: from the grid to the community, from the community to the street. */
export const ESCALATES: Record<DisputeType, [fromGrid: number, fromCommunity: number]> = {
  neighbour: [0.15, 0.04],
  property: [0.3, 0.15],
  marriage_family: [0.3, 0.06],
  compensation: [0.35, 0.2],
  labour_wage: [0, 1],
  land_relocation: [0, 0.6],
  other: [0.2, 0.08],
};
/** Wages are owed most before the Spring Festival, families quarrel most around it, leaks and noise come in summer. */
export const SEASON: Partial<Record<DisputeType, Record<number, number>>> = {
  labour_wage: { 11: 2, 12: 3, 1: 3.5, 2: 1.5 },
  marriage_family: { 1: 1.6, 2: 1.8 },
  neighbour: { 6: 1.3, 7: 1.4, 8: 1.3 },
};
export const REFERRERS: Record<DisputeType, string[]> = {
  neighbour: ['枫桥派出所', '12345政务服务热线'],
  property: ['街道住建办', '12345政务服务热线'],
  marriage_family: ['街道妇联', '枫桥派出所'],
  compensation: ['枫桥派出所', '诸暨市人民法院（诉前调解）'],
  labour_wage: ['街道人社服务中心', '诸暨市劳动保障监察大队'],
  land_relocation: ['街道信访办', '街道征迁办'],
  other: ['市场监管所', '诸暨市人民法院（诉前调解）', '12345政务服务热线'],
};
