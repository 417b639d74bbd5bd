import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import type { CaseSummary, Page } from '../../shared/types.ts';

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  id?: string;
}

/** A case of the reader's area found by number, title or address as one types; a value given from elsewhere shows by number. */
export function CaseSearchSelect({ value, onChange, placeholder, id }: Props) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['cases', 'search', q],
    queryFn: () => api<Page<CaseSummary>>(`/api/cases${query({ q, limit: 20 })}`).then((r) => r.items),
    enabled: q.length > 0,
  });
  const given = useQuery({
    queryKey: ['cases', 'detail', value],
    queryFn: () => api<CaseSummary>(`/api/cases/${value}`),
    enabled: Boolean(value) && !found.data?.some((c) => c.id === value),
  });
  const cases = [...(found.data ?? []), ...(given.data && !found.data?.some((c) => c.id === value) ? [given.data] : [])];
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      loading={found.isFetching}
      options={cases.map((c) => ({ value: c.id, label: `${c.number} · ${c.title}` }))}
      notFoundContent={null}
    />
  );
}
