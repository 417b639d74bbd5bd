/**
 * Who sees and does what of property evaluation. Readers (street leader, housing department,
 * community staff) see the cards of estates in their scope; a property company's handler holds
 * read_own and sees only its own company's cards and the cases behind them, whatever the scope
 * of its role. Reviews are recorded by staff of the estate's community or the street; weights
 * are the housing department's. Pure.
 */
import { type Actor, can, canAnywhere } from '../access/access.policy.ts';

export const SCORES_READ = 'property_scores.read';
export const SCORES_READ_OWN = 'property_scores.read_own';
export const SCORES_REVIEW = 'property_scores.review';
export const SCORES_CONFIGURE = 'property_scores.configure';
export const SCORES_COMPUTE = 'property_scores.compute';

export interface CardPlace {
  company_id: string;
  community_path: string;
}

export const canReadCard = (actor: Actor, card: CardPlace) =>
  can(actor, SCORES_READ, card.community_path) ||
  (canAnywhere(actor, SCORES_READ_OWN) && actor.organisationId !== null && actor.organisationId === card.company_id);

export const readsAnyScores = (actor: Actor) => canAnywhere(actor, SCORES_READ) || canAnywhere(actor, SCORES_READ_OWN);
export const canReview = (actor: Actor, communityPath: string) => can(actor, SCORES_REVIEW, communityPath);
export const canReadReview = (actor: Actor, place: CardPlace) =>
  canReview(actor, place.community_path) || canReadCard(actor, place);
export const canConfigure = (actor: Actor, streetPath: string) => can(actor, SCORES_CONFIGURE, streetPath);
export const canCompute = (actor: Actor, streetPath: string) => can(actor, SCORES_COMPUTE, streetPath);
