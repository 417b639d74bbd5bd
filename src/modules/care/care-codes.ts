/**
 * The codes of care as the API and the pages share them: groups, risks, rule units, visit methods,
 * wellbeing, needs, reasons to close a file, festivals, how a due date stands. No imports, so the
 * web app takes them without the calendar.
 */
/** Elderly living alone, disabled, people in difficulty (subsistence allowance), retired soldiers, left-behind children, seriously ill. */
export const CARE_GROUPS = [
  'elderly_alone',
  'disabled',
  'in_difficulty',
  'retired_soldier',
  'left_behind_child',
  'seriously_ill',
] as const;
export type CareGroup = (typeof CARE_GROUPS)[number];

export const CARE_RISKS = ['low', 'medium', 'high'] as const;
export type CareRisk = (typeof CARE_RISKS)[number];

export const RULE_UNITS = ['working_days', 'days', 'weeks', 'months'] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

export const VISIT_METHODS = ['home', 'phone', 'other'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const WELLBEING = ['good', 'fair', 'poor'] as const;
export type Wellbeing = (typeof WELLBEING)[number];
export const CARE_NEEDS = [
  'daily_care',
  'medical',
  'financial',
  'housing_repair',
  'psychological',
  'legal',
  'employment',
  'education',
  'other',
] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];

export const CLOSE_REASONS = ['moved_out', 'deceased', 'no_longer_eligible', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const FESTIVALS = [
  'spring_festival',
  'lantern',
  'dragon_boat',
  'mid_autumn',
  'double_ninth',
  'army_day',
  'other',
] as const;
export type Festival = (typeof FESTIVALS)[number];

/** How a file stands against its next due date today. */
export const DUE_STATUSES = ['overdue', 'due_today', 'due_soon', 'upcoming'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];
/** "Due soon": within this many days. */
export const DUE_SOON_DAYS = 3;
