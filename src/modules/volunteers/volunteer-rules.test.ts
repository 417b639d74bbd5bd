import { describe, expect, it } from 'vitest';
import { AVAILABILITY, SKILLS } from '../patrols/patrols.schemas.ts';
import { partnerSkills, skillsOf, VOLUNTEER_AVAILABILITY, VOLUNTEER_SKILLS } from './volunteer-rules.ts';

describe('a Ping An Partner as a volunteer', () => {
  it('offers the same times and brings every patrol skill as a volunteer skill of the same name', () => {
    expect([...VOLUNTEER_AVAILABILITY]).toEqual([...AVAILABILITY]);
    for (const skill of SKILLS) expect(VOLUNTEER_SKILLS).toContain(skill);
    expect(partnerSkills(['first_aid', 'electrical'])).toEqual(['first_aid', 'electrical']);
  });

  it('has the skills registered and those of the partnership, each once, in the list’s order', () => {
    expect(skillsOf(['digital', 'first_aid'], ['first_aid', 'fire_safety'])).toEqual(['first_aid', 'fire_safety', 'digital']);
    expect(skillsOf(['legal'], null)).toEqual(['legal']);
  });
});
