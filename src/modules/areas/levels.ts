import type { AreaLevel } from '../../platform/db/schema.ts';

/** The hierarchy, top down: every node's parent is one level above it. */
export const AREA_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid', 'building', 'unit', 'household'];

export function parentLevelOf(level: AreaLevel): AreaLevel | undefined {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1];
}

export function childLevelOf(level: AreaLevel): AreaLevel | undefined {
  return AREA_LEVELS[AREA_LEVELS.indexOf(level) + 1];
}

/** Levels whose nodes carry a boundary polygon. */
export const BOUNDED_LEVELS: readonly AreaLevel[] = ['district', 'street', 'community', 'grid'];
