import { TreeSelect } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area } from '../../shared/types.ts';
import { type TreeLevel, treeData, useAreaTree } from './area-tree.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The deepest level offered. */
  deepest?: TreeLevel;
  /** Only these levels may be chosen; the others are there to open. */
  selectable?: Area['level'][];
}

/** Picks an area from the tree, opening levels as the person goes down (a form control). */
export function AreaSelect({ id, value, onChange, deepest = 'grid', selectable }: Props) {
  const { t } = useI18n();
  const { roots, children, load } = useAreaTree();
  const label = (area: Area) => `${area.name} · ${t(`admin.level.${area.level}`)}`;
  const decorate = (nodes: ReturnType<typeof treeData>): unknown[] =>
    nodes.map((node) => ({
      ...node,
      title: label(node.area),
      selectable: !selectable || selectable.includes(node.area.level),
      children: node.children ? decorate(node.children) : undefined,
    }));
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      showSearch={false}
      placeholder={t('admin.common.pickArea')}
      treeData={decorate(treeData(roots.data ?? [], children, deepest)) as never}
      loadData={async (node) => {
        await load(String(node.value));
      }}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
    />
  );
}
