import { useCallback, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import type { Area, Page } from '../../shared/types.ts';
import { useHomeAreas } from '../geo/geo-queries.ts';

/** The levels the administration tree shows; units and households are kept elsewhere. */
const LEVELS = ['district', 'street', 'community', 'grid', 'building'] as const;
export type TreeLevel = (typeof LEVELS)[number];

/**
 * The area tree, loaded a level at a time: the roots the person's roles are held at, then each
 * node's children when it is opened (or reloaded after a change under it).
 */
export function useAreaTree(includeRetired = false) {
  const roots = useHomeAreas();
  const [children, setChildren] = useState<Record<string, Area[]>>({});
  const load = useCallback(
    async (parentId: string) => {
      const page = await api<Page<Area>>(`/api/areas${query({ parentId, limit: 100, includeRetired })}`);
      setChildren((current) => ({ ...current, [parentId]: page.items }));
      return page.items;
    },
    [includeRetired],
  );
  return { roots, children, load };
}

/** Whether a node can be opened in a tree that goes no deeper than a level. */
export const opens = (area: Area, deepest: TreeLevel = 'building') =>
  area.childCount > 0 && LEVELS.indexOf(area.level as TreeLevel) < LEVELS.indexOf(deepest);

export interface AreaTreeNode {
  key: string;
  value: string;
  area: Area;
  isLeaf: boolean;
  children?: AreaTreeNode[];
}

/** antd tree data from the loaded levels. */
export function treeData(nodes: Area[], children: Record<string, Area[]>, deepest: TreeLevel = 'building'): AreaTreeNode[] {
  return nodes.map((area) => {
    const loaded = children[area.id];
    return {
      key: area.id,
      value: area.id,
      area,
      isLeaf: !opens(area, deepest),
      ...(loaded ? { children: treeData(loaded, children, deepest) } : {}),
    };
  });
}
