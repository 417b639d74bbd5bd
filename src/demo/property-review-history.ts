/**
 * A year of "red property discussion day" reviews for the demo street: every estate's company is
 * scored each month by three to five of the parties present, on the last Thursday of the month.
 * Each company has a character the reviews show (steady and good, improving, middling, slipping,
 * uneven), each estate its own lean, each month and party some noise, so that the scorecards
 * computed from them and from the case history spread over the four grades. Pure.
 */
import { addMonths } from '../modules/property-scores/months.ts';
import { CRITERIA, PARTIES, type PartyScores } from '../modules/property-scores/scoring.ts';
import { Random } from './random.ts';

export const REVIEW_MONTHS = 12;

/** Level of the company's reviews and its drift per month, by company code. */
const CHARACTERS: Record<string, { level: number; drift: number; spread: number }> = {
  PM_FENGLIN: { level: 91, drift: 0, spread: 2 },
  PM_ANJU: { level: 76, drift: 1.1, spread: 3 },
  PM_JINDUN: { level: 80, drift: 0, spread: 3 },
  PM_HEJIA: { level: 78, drift: -1.4, spread: 3 },
  PM_KANGQIAO: { level: 57, drift: 0, spread: 7 },
};
const ORDINARY = { level: 78, drift: 0, spread: 4 };

const COMMENTS_ZH = {
  good: [
    '保洁及时，楼道整洁，业主认可。',
    '门岗登记规范，夜间巡逻到位。',
    '电梯维保记录齐全，报修当天响应。',
    '绿化修剪及时，公共区域秩序良好。',
  ],
  fair: [
    '垃圾清运偶有延误，需加强。',
    '部分楼道照明损坏未及时更换。',
    '停车秩序有待改进，外来车辆较多。',
    '报修回复较慢，请物业加快处理。',
  ],
  poor: [
    '多处消防通道被占用，整改不到位。',
    '业主反映保洁频次不足，群众意见较大。',
    '监控设施损坏一个月未修复。',
    '服务态度差，投诉较多，限期整改。',
  ],
};

export interface ReviewEstate {
  id: string;
  companyId: string;
  companyCode: string;
  communityId: string;
}

export interface PlannedReview {
  company_id: string;
  estate_id: string;
  month: string;
  held_on: string;
  scores: PartyScores[];
  comments: string;
  communityId: string;
}

/** The last Thursday of a month, 'YYYY-MM-DD'. */
export function lastThursday(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0));
  last.setUTCDate(last.getUTCDate() - ((last.getUTCDay() - 4 + 7) % 7));
  return last.toISOString().slice(0, 10);
}

const clamp = (value: number) => Math.max(30, Math.min(100, Math.round(value)));

export function planPropertyReviews(estates: ReviewEstate[], thisMonth: string, seed = 20_261_201): PlannedReview[] {
  const random = new Random(seed);
  const reviews: PlannedReview[] = [];
  for (const estate of estates) {
    const character = CHARACTERS[estate.companyCode] ?? ORDINARY;
    const lean = random.between(-4, 4);
    for (let back = REVIEW_MONTHS; back >= 1; back--) {
      const month = addMonths(thisMonth, -back);
      const monthLevel =
        character.level + lean + character.drift * (REVIEW_MONTHS - back - 6) + random.between(-1, 1) * character.spread;
      const present = [...PARTIES].sort(() => random.next() - 0.5).slice(0, random.int(3, 5));
      const scores = present.map((party) => {
        const partyLevel = monthLevel + random.between(-4, 4) - (party === 'residents_representative' ? 3 : 0);
        return {
          party,
          scores: Object.fromEntries(
            CRITERIA.map((c) => [c, clamp(partyLevel + random.between(-5, 5))]),
          ) as PartyScores['scores'],
        };
      });
      const tone = monthLevel >= 84 ? 'good' : monthLevel >= 70 ? 'fair' : 'poor';
      reviews.push({
        company_id: estate.companyId,
        estate_id: estate.id,
        month: `${month}-01`,
        held_on: lastThursday(month),
        scores,
        comments: random.pick(COMMENTS_ZH[tone]),
        communityId: estate.communityId,
      });
    }
  }
  return reviews;
}
