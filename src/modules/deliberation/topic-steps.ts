/**
 * The five steps of a topic as data (五步法): residents propose, the grid discusses, a conclusion is
 * reached, the parties act on it, residents evaluate. A topic can be sent back one step (with a
 * reason), merged into another open topic of its estate, or declined with a reason shown to the
 * public. Pure: no HTTP, no SQL.
 */
export const STEPS = ['proposed', 'discussing', 'concluded', 'acting', 'evaluating', 'closed'] as const;
export const SIDE_STEPS = ['merged', 'declined'] as const;
export type Step = (typeof STEPS)[number] | (typeof SIDE_STEPS)[number];

export type StepAction = 'discuss' | 'conclude' | 'act' | 'complete' | 'close' | 'send_back' | 'merge' | 'decline';

interface ActionRule {
  from: readonly Step[];
  /** The step it leads to; send_back goes one step back instead. */
  to: Step | 'previous';
  /** What the action must carry. */
  needs: readonly ('conclusion' | 'actionPlan' | 'actionParty' | 'reason' | 'targetTopicId')[];
}

export const ACTIONS: Record<StepAction, ActionRule> = {
  discuss: { from: ['proposed'], to: 'discussing', needs: [] },
  conclude: { from: ['discussing'], to: 'concluded', needs: ['conclusion'] },
  act: { from: ['concluded'], to: 'acting', needs: ['actionPlan', 'actionParty'] },
  complete: { from: ['acting'], to: 'evaluating', needs: [] },
  close: { from: ['evaluating'], to: 'closed', needs: [] },
  send_back: { from: ['discussing', 'concluded', 'acting', 'evaluating'], to: 'previous', needs: ['reason'] },
  merge: { from: ['proposed', 'discussing'], to: 'merged', needs: ['targetTopicId'] },
  decline: { from: ['proposed', 'discussing', 'concluded'], to: 'declined', needs: ['reason'] },
};

/** Open topics are those still walking the steps: they take supports, agenda places and merges. */
export const isOpen = (step: Step) => step !== 'closed' && step !== 'merged' && step !== 'declined';
/** Residents support a topic while it is being weighed, not once it is decided. */
export const canSupport = (step: Step) => step === 'proposed' || step === 'discussing';
/** Residents rate the work once it is done. */
export const canRate = (step: Step) => step === 'evaluating' || step === 'closed';

export type StepMove = { ok: true; to: Step } | { ok: false; reason: 'illegal' | 'missing'; field?: string };

/** Where an action leads a topic at a step, or why it cannot. */
export function nextStep(
  step: Step,
  action: StepAction,
  given: Partial<Record<ActionRule['needs'][number], unknown>> = {},
): StepMove {
  const rule = ACTIONS[action];
  if (!rule.from.includes(step)) return { ok: false, reason: 'illegal' };
  const missing = rule.needs.find((field) => {
    const value = given[field];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
  if (missing) return { ok: false, reason: 'missing', field: missing };
  if (rule.to !== 'previous') return { ok: true, to: rule.to };
  return { ok: true, to: STEPS[STEPS.indexOf(step as (typeof STEPS)[number]) - 1] as Step };
}

/** The actions open at a step, in the order the desk offers them. */
export const actionsAt = (step: Step): StepAction[] =>
  (Object.keys(ACTIONS) as StepAction[]).filter((action) => ACTIONS[action].from.includes(step));

/** How far along the five steps a topic is, 1-5 (closed counts as the fifth done). */
export function stepIndex(step: Step): number | null {
  if (step === 'closed') return 5;
  const i = STEPS.indexOf(step as (typeof STEPS)[number]);
  return i < 0 ? null : i + 1;
}
