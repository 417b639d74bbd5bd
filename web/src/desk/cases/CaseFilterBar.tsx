import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { AreaTreeSelect } from './AreaTreeSelect.tsx';
import { useCategories } from './reference-data.ts';
import { type CaseFilters, type DeadlineFilter, type Mine, SOURCES_LIST, STATES, TIERS_LIST } from './types.ts';
import { NO_FILTERS } from './use-case-filters.ts';

/** Widths that lay the controls out in two even rows on a 1440 px screen. */
const WIDTHS = { state: 250, open: 150, category: 210, deadline: 170, area: 230, source: 180, tier: 150, mine: 200, sort: 170 };

interface Props {
  filters: CaseFilters;
  onChange: (next: CaseFilters) => void;
}

/** Every filter of the inbox as a control; each labels itself inside the box so the row stays compact. */
export function CaseFilterBar({ filters, onChange }: Props) {
  const { t, pick } = useI18n();
  const { data: categories } = useCategories();
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => setText(filters.q ?? ''), [filters.q]);
  const set = (patch: Partial<CaseFilters>) => onChange({ ...filters, ...patch });
  const label = (key: string) => t(`deskCases.filters.${key}`);
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const common = (key: keyof typeof WIDTHS) => ({
    prefix: label(key),
    'aria-label': label(key),
    allowClear: true,
    style: { width: WIDTHS[key] },
  });

  return (
    <search className="fq-filter-bar">
      <Input.Search
        className="fq-filter-search"
        aria-label={label('q')}
        placeholder={t('deskCases.filters.qPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        allowClear
      />
      <Select
        {...common('state')}
        mode="multiple"
        maxTagCount="responsive"
        value={filters.state ?? []}
        onChange={(state: CaseFilters['state']) => set({ state: state?.length ? state : undefined })}
        options={options(STATES, 'case.state')}
        placeholder={t('deskCases.filters.any')}
      />
      <Select
        {...common('open')}
        value={filters.open === undefined ? undefined : String(filters.open)}
        onChange={(open?: string) => set({ open: open === undefined ? undefined : open === 'true' })}
        options={[
          { value: 'true', label: label('openTrue') },
          { value: 'false', label: label('openFalse') },
        ]}
        placeholder={t('deskCases.filters.any')}
      />
      <TreeSelect
        {...common('category')}
        value={filters.categoryId}
        onChange={(categoryId?: string) => set({ categoryId })}
        treeData={(categories ?? []).map((top) => ({
          value: top.id,
          title: pick(top),
          children: top.children.map((child) => ({ value: child.id, title: pick(child) })),
        }))}
        showSearch={{ treeNodeFilterProp: 'title' }}
        popupMatchSelectWidth={false}
        placeholder={t('deskCases.filters.any')}
      />
      <Select
        {...common('deadline')}
        value={filters.deadline}
        onChange={(deadline?: DeadlineFilter) => set({ deadline })}
        options={(['overdue', 'warning', 'ok', 'provisional'] as const).map((value) => ({
          value,
          label: label(`deadline_${value}`),
        }))}
        placeholder={t('deskCases.filters.any')}
      />
      <AreaTreeSelect
        {...common('area')}
        value={filters.nodeId}
        onChange={(nodeId) => set({ nodeId })}
        placeholder={t('deskCases.filters.anyArea')}
      />
      <Select
        {...common('source')}
        value={filters.source}
        onChange={(source?: CaseFilters['source']) => set({ source })}
        options={options(SOURCES_LIST, 'case.source')}
        placeholder={t('deskCases.filters.any')}
      />
      <Select
        {...common('tier')}
        value={filters.tier}
        onChange={(tier?: CaseFilters['tier']) => set({ tier })}
        options={options(TIERS_LIST, 'case.tier')}
        placeholder={t('deskCases.filters.any')}
      />
      <Select
        {...common('mine')}
        value={filters.mine}
        onChange={(mine?: Mine) => set({ mine })}
        options={(['inbox', 'assigned', 'reported'] as const).map((value) => ({ value, label: label(`mine_${value}`) }))}
        placeholder={t('deskCases.filters.mineAll')}
      />
      <Select
        {...common('sort')}
        allowClear={false}
        value={filters.sort}
        onChange={(sort: CaseFilters['sort']) => set({ sort })}
        options={[
          { value: 'newest', label: label('sortNewest') },
          { value: 'deadline', label: label('sortDeadline') },
        ]}
      />
      <Button icon={<ReloadOutlined />} onClick={() => onChange(NO_FILTERS)}>
        {label('reset')}
      </Button>
    </search>
  );
}
