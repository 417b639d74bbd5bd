import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { query } from '../../shared/api.ts';
import type { CaseState, Tier } from '../../shared/types.ts';
import { filterParams } from './case-data.ts';
import { type CaseFilters, type DeadlineFilter, type Mine, SOURCES_LIST, type Source, STATES, TIERS_LIST } from './types.ts';

const DEADLINES: DeadlineFilter[] = ['ok', 'warning', 'overdue', 'provisional'];
const MINE: Mine[] = ['inbox', 'assigned', 'reported'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;
const uuid = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/** Filters from the address bar: anything unknown is dropped rather than sent to the server. */
export function parseFilters(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const open = params.get('open');
  const state = (params.get('state') ?? '').split(',').filter((s): s is CaseState => STATES.includes(s as CaseState));
  return {
    state: state.length ? state : undefined,
    open: open === 'true' ? true : open === 'false' ? false : undefined,
    categoryId: uuid(params.get('categoryId')),
    deadline: oneOf(DEADLINES, params.get('deadline')),
    nodeId: uuid(params.get('nodeId')),
    source: oneOf<Source>(SOURCES_LIST, params.get('source')),
    tier: oneOf<Tier>(TIERS_LIST, params.get('tier')),
    mine: oneOf(MINE, params.get('mine')),
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    sort: params.get('sort') === 'deadline' ? 'deadline' : 'newest',
  };
}

/** The table's filters live in its URL, so a case opened from it comes back to the same table. */
export function useCaseFilters(): [CaseFilters, (next: CaseFilters) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseFilters(search), [search]);
  const setFilters = useCallback(
    (next: CaseFilters) =>
      navigate(`/${query({ ...filterParams(next), sort: next.sort === 'newest' ? undefined : next.sort })}`, { replace: true }),
    [navigate],
  );
  return [filters, setFilters];
}

export const NO_FILTERS: CaseFilters = { sort: 'newest' };
