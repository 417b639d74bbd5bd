import { useQueries } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area, Page } from '../../shared/types.ts';
import { useCommunityStaff, useOrganisations } from './reference-data.ts';

/**
 * One picker for whoever a case may be dispatched to: the grid workers and community staff of the
 * cases' communities, or a property company or social organisation (a street department takes a
 * case by escalation instead). Values are `user:<id>` or `org:<id>`.
 */
export function assigneeBody(value: string): { userId: string } | { organisationId: string } {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'user' ? { userId: id } : { organisationId: id };
}

interface Props {
  communityIds: string[];
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

export function AssigneeSelect({ communityIds, value, onChange, id }: Props) {
  const { t } = useI18n();
  const grids = useQueries({
    queries: communityIds.map((communityId) => ({
      queryKey: ['areas', 'children', communityId, 'grid'],
      queryFn: () =>
        api<Page<Area>>(`/api/areas${query({ parentId: communityId, level: 'grid', limit: 100 })}`).then((r) => r.items),
      staleTime: 10 * 60_000,
    })),
  });
  const staff = useCommunityStaff();
  const companies = useOrganisations('property_company');
  const social = useOrganisations('social_organisation');

  const workers = grids
    .flatMap((q) => q.data ?? [])
    .filter((grid) => grid.responsibleUserId)
    .map((grid) => ({ value: `user:${grid.responsibleUserId}`, label: `${grid.responsibleName} · ${grid.name}` }));
  const communityStaff = (staff.data ?? []).flatMap((user) =>
    user.roles
      .filter((role) => role.nodeId && communityIds.includes(role.nodeId))
      .slice(0, 1)
      .map((role) => ({ value: `user:${user.id}`, label: `${user.displayName} · ${role.scopeName}` })),
  );
  const orgOptions = (items: { id: string; name: string }[] | undefined) =>
    (items ?? []).map((org) => ({ value: `org:${org.id}`, label: org.name }));
  const groups = [
    { label: t('deskCases.assign.gridWorkers'), options: workers },
    { label: t('deskCases.assign.communityStaff'), options: communityStaff },
    { label: t('deskCases.assign.propertyCompanies'), options: orgOptions(companies.data) },
    { label: t('deskCases.assign.socialOrganisations'), options: orgOptions(social.data) },
  ].filter((group) => group.options.length > 0);

  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      options={groups}
      placeholder={t('deskCases.assign.placeholder')}
      loading={grids.some((q) => q.isLoading) || companies.isLoading}
    />
  );
}
