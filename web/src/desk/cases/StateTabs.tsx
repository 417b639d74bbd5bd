import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseState } from '../../shared/types.ts';
import { useCaseCounts } from './case-data.ts';
import { type CaseFilters, STATES } from './types.ts';

/**
 * How many cases each state holds under the other filters, as chips that wrap rather than scroll:
 * a chip adds its state to the filter or takes it out, "All" clears it.
 */
export function StateTabs({ filters, onChange }: { filters: CaseFilters; onChange: (next: CaseFilters) => void }) {
  const { t, number } = useI18n();
  const { data } = useCaseCounts(filters);
  const counts = data?.counts ?? {};
  const chosen = filters.state ?? [];
  const toggle = (state: CaseState) => {
    const next = chosen.includes(state) ? chosen.filter((s) => s !== state) : [...chosen, state];
    onChange({ ...filters, state: next.length ? next : undefined });
  };
  const chip = (key: string, text: string, count: number, checked: boolean, onClick: () => void) => (
    <Tag.CheckableTag key={key} checked={checked} onChange={onClick} className="fq-state-chip">
      {text}
      <span className="fq-count">{number(count)}</span>
    </Tag.CheckableTag>
  );
  return (
    <fieldset className="fq-state-chips" aria-label={t('deskCases.filters.state')}>
      {chip('all', t('deskCases.tabs.all'), data?.total ?? 0, chosen.length === 0, () =>
        onChange({ ...filters, state: undefined }),
      )}
      {STATES.filter((state) => counts[state] || chosen.includes(state)).map((state) =>
        chip(state, t(`case.state.${state}`), counts[state] ?? 0, chosen.includes(state), () => toggle(state)),
      )}
    </fieldset>
  );
}
