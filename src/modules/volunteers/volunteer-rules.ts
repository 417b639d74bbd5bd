/**
 * What a volunteer brings and when: the skills and times offered at registration, the states of a
 * registration, and the skills a Ping An Partner's registration stands for. Pure.
 */
export const VOLUNTEER_SKILLS = [
  'elder_care',
  'medical',
  'first_aid',
  'counselling',
  'legal',
  'mediation',
  'tutoring',
  'childcare',
  'electrical',
  'plumbing',
  'appliance_repair',
  'environment',
  'gardening',
  'arts',
  'performance',
  'photography',
  'fire_safety',
  'digital',
  'haircut',
  'driving',
  'sign_language',
] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];

/** The same times a Ping An Partner offers: weekday days and evenings, weekends, nights. */
export const VOLUNTEER_AVAILABILITY = ['weekday_day', 'weekday_evening', 'weekend', 'night'] as const;
export type VolunteerAvailability = (typeof VOLUNTEER_AVAILABILITY)[number];

export const VOLUNTEER_STATUSES = ['applied', 'approved', 'declined', 'left'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** A partner's patrol skills are volunteer skills of the same name (every one of them is). */
export const partnerSkills = (skills: readonly string[]): VolunteerSkill[] =>
  VOLUNTEER_SKILLS.filter((skill) => skills.includes(skill));

/** A volunteer's skills: those they registered, and those of their partnership when they are a partner. */
export const skillsOf = (own: readonly string[], partner: readonly string[] | null): VolunteerSkill[] =>
  VOLUNTEER_SKILLS.filter((skill) => own.includes(skill) || (partner ?? []).includes(skill));
