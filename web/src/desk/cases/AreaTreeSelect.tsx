import { TreeSelect } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useMe } from '../../shared/session.ts';
import type { Area, Page } from '../../shared/types.ts';

/** Levels a case filter may name: grids and everything above them. */
const LEVELS = new Set(['district', 'street', 'community', 'grid']);

interface TreeNode {
  id: string;
  pId?: string;
  value: string;
  title: string;
  isLeaf: boolean;
}

interface Props {
  value?: string | undefined;
  onChange: (value: string | undefined) => void;
  prefix?: ReactNode;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/**
 * The areas the person's roles are held at, opened level by level down to the grids. A value set
 * from elsewhere (a saved view, the address bar) has its branch loaded so it shows by name.
 */
export function AreaTreeSelect({ value, onChange, ...rest }: Props) {
  const { data: me } = useMe();
  const roots = useMemo(() => {
    const found = new Map<string, TreeNode>();
    for (const role of me?.roles ?? []) {
      if (role.nodeId && LEVELS.has(role.scopeLevel))
        found.set(role.nodeId, {
          id: role.nodeId,
          value: role.nodeId,
          title: role.scopeName,
          isLeaf: role.scopeLevel === 'grid',
        });
    }
    return [...found.values()];
  }, [me]);
  // Loaded branches are kept apart from the roots, so a refreshed session does not drop them.
  const [children, setChildren] = useState<TreeNode[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<string[]>([]);
  const loading = useRef(new Map<string, Promise<void>>());
  const opened = useRef<string | null>(null);
  const nodes = useMemo(
    () => [...roots, ...children.filter((child) => !roots.some((root) => root.id === child.id))],
    [roots, children],
  );

  const loadChildren = useCallback((parentId: string) => {
    const pending = loading.current.get(parentId);
    if (pending) return pending;
    const load = api<Page<Area>>(`/api/areas${query({ parentId, limit: 100 })}`).then(({ items }) => {
      const loaded = items
        .filter((area) => LEVELS.has(area.level))
        .map((area) => ({ id: area.id, pId: parentId, value: area.id, title: area.name, isLeaf: area.level === 'grid' }));
      setChildren((known) => [...known, ...loaded.filter((child) => !known.some((node) => node.id === child.id))]);
      setLoadedKeys((keys) => [...keys, parentId]);
    });
    loading.current.set(parentId, load);
    return load;
  }, []);

  // Open the branch down to a value chosen elsewhere, from the first ancestor the person holds a role at.
  useEffect(() => {
    if (!value || roots.length === 0 || opened.current === value || nodes.some((node) => node.id === value)) return;
    opened.current = value;
    const rootIds = new Set(roots.map((node) => node.id));
    void api<{ breadcrumbs: { id: string }[] }>(`/api/areas/${value}`).then(async ({ breadcrumbs }) => {
      const chain = breadcrumbs.map((crumb) => crumb.id).filter((id) => id !== value);
      const from = chain.findIndex((id) => rootIds.has(id));
      if (from < 0) return;
      for (const id of chain.slice(from)) await loadChildren(id);
    });
  }, [value, nodes, roots, loadChildren]);

  return (
    <TreeSelect
      {...rest}
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      treeDataSimpleMode
      treeData={nodes}
      treeLoadedKeys={loadedKeys}
      loadData={({ id }) => loadChildren(id as string)}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
