/**
 * What the demo street's disputes are about, as a people's mediation committee's files read:
 * neighbours, property companies and families (mediation-scenarios-home.ts); work, compensation,
 * relocation and the rest (mediation-scenarios-money.ts). Each scenario says who stands on the
 * other side, what is at stake, what the parties argue over and what an agreement binds them to.
 */
import type { DisputeType, Referral, RiskReason } from '../modules/mediation/dispute-rules.ts';
import { FAMILY, NEIGHBOUR, PROPERTY } from './mediation-scenarios-home.ts';
import { MONEY_SCENARIOS } from './mediation-scenarios-money.ts';
import type { Random } from './random.ts';

/** The names and numbers a scenario's words are filled with. */
export interface Cast {
  a: string;
  b: string;
  /** The building, compound or site where it happened. */
  place: string;
  people: number;
  /** Yuan claimed. */
  claim: number;
}

/** Who the respondent is: a neighbour of the applicant, a relative, the compound's property company, or someone from outside. */
export type Opponent = 'neighbour' | 'relative' | 'resident' | 'property' | 'company' | 'local';

export interface Scenario {
  type: DisputeType;
  title: (c: Cast) => string;
  facts: (c: Cast) => string;
  against: Opponent;
  /** The respondent company's name, for an opponent from outside the street's register. */
  company?: (random: Random) => string;
  /** Yuan at stake, [0, 0] when nothing is claimed. */
  claim: [number, number];
  people: [number, number];
  /** The point the parties argue over, as session notes name it. */
  issue: string;
  /** What the agreed money is, line by line in the performance schedule. */
  payment: string;
  /** The applicant pays (arrears owed to a company), not the respondent. */
  applicantPays?: boolean;
  /** How many instalments an agreement spreads the money over, and days between them. */
  instalments: [number, number];
  every: number;
  /** Obligations besides money, each followed up by its due date. */
  actions: string[];
  referral: Referral;
  risk: RiskReason[];
  /** Case categories whose reports turn into a file of this kind. */
  categories?: string[];
}

/** What a party says when an instalment is late. */
export const REFUSE_TO_PAY = ['资金周转困难', '对金额仍有异议', '工程款未到账', '手头紧，请求宽限几天'];

export const SCENARIOS: Scenario[] = [...NEIGHBOUR, ...PROPERTY, ...FAMILY, ...MONEY_SCENARIOS];
