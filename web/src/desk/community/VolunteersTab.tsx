import { Button, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { VOLUNTEER_SKILLS, VOLUNTEER_STATUSES, type Volunteer } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useTeams, useVolunteers } from './community-data.ts';

const STATUS_COLOR = { applied: 'orange', approved: 'green', declined: 'default', left: 'default' } as const;

/** Volunteers of the reader's area, Ping An Partners among them: registrations to decide, teams to form. */
export function VolunteersTab() {
  const { t, date } = useI18n();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'volunteers.manage');
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});
  const volunteers = useVolunteers(filters);
  const rows = volunteers.data?.pages.flatMap((page) => page.items) ?? [];
  const [deciding, setDeciding] = useState<{ volunteer: Volunteer; decision: 'approve' | 'decline' | 'team' } | null>(null);
  const set = (key: string) => (value: string | undefined) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));
  return (
    <>
      <Space className="fq-toolbar" wrap>
        <Select
          allowClear
          aria-label={t('deskCommunity.volunteers.status')}
          placeholder={t('deskCommunity.volunteers.status')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={set('status')}
          options={VOLUNTEER_STATUSES.map((value) => ({ value, label: t(`deskCommunity.volunteerStatus.${value}`) }))}
        />
        <Select
          allowClear
          aria-label={t('deskCommunity.volunteers.partner')}
          placeholder={t('deskCommunity.volunteers.partner')}
          style={{ width: 160 }}
          value={filters.partner}
          onChange={set('partner')}
          options={[
            { value: 'true', label: t('deskCommunity.volunteers.partnersOnly') },
            { value: 'false', label: t('deskCommunity.volunteers.othersOnly') },
          ]}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('deskCommunity.volunteers.skill')}
          placeholder={t('deskCommunity.volunteers.skill')}
          style={{ width: 160 }}
          value={filters.skill}
          onChange={set('skill')}
          options={VOLUNTEER_SKILLS.map((value) => ({ value, label: t(`deskCommunity.skill.${value}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('deskCommunity.volunteers.search')}
          placeholder={t('deskCommunity.volunteers.search')}
          style={{ width: 200 }}
          onSearch={(value) => set('q')(value.trim())}
        />
      </Space>
      <Table<Volunteer>
        rowKey="id"
        size="middle"
        loading={volunteers.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.volunteers.none') }}
        columns={[
          {
            key: 'name',
            title: t('deskCommunity.volunteers.name'),
            render: (_, v) => (
              <Space size={4}>
                {v.name}
                {v.patrolPartner && <Tag color="red">{t('deskCommunity.volunteers.partnerTag')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'area',
            title: t('deskCommunity.volunteers.area'),
            render: (_, v) => [v.communityName, v.gridName].filter(Boolean).join(' · '),
          },
          {
            key: 'team',
            title: t('deskCommunity.volunteers.team'),
            render: (_, v) => v.teamName ?? v.patrolPartner?.teamName ?? '—',
          },
          {
            key: 'skills',
            title: t('deskCommunity.volunteers.skills'),
            render: (_, v) => v.skills.map((skill) => <Tag key={skill}>{t(`deskCommunity.skill.${skill}`)}</Tag>),
          },
          {
            key: 'availability',
            title: t('deskCommunity.volunteers.availability'),
            render: (_, v) => v.availability.map((a) => t(`deskCommunity.availability.${a}`)).join('、'),
          },
          {
            key: 'hours',
            title: t('deskCommunity.volunteers.hours'),
            align: 'right',
            render: (_, v) => Math.round(v.volunteerMinutes / 6) / 10,
          },
          { key: 'points', title: t('deskCommunity.volunteers.points'), align: 'right', dataIndex: 'points' },
          { key: 'applied', title: t('deskCommunity.volunteers.applied'), render: (_, v) => date(v.appliedAt) },
          {
            key: 'status',
            title: t('deskCommunity.volunteers.status'),
            render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{t(`deskCommunity.volunteerStatus.${v.status}`)}</Tag>,
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, v: Volunteer) =>
                    v.status === 'applied' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ volunteer: v, decision: 'approve' })}>
                          {t('deskCommunity.volunteers.approve')}
                        </Button>
                        <Button size="small" onClick={() => setDeciding({ volunteer: v, decision: 'decline' })}>
                          {t('deskCommunity.volunteers.decline')}
                        </Button>
                      </Space>
                    ) : v.status === 'approved' ? (
                      <Button size="small" onClick={() => setDeciding({ volunteer: v, decision: 'team' })}>
                        {t('deskCommunity.volunteers.moveTeam')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {volunteers.hasNextPage && (
        <Button className="fq-more" onClick={() => volunteers.fetchNextPage()} loading={volunteers.isFetchingNextPage}>
          {t('deskCommunity.more')}
        </Button>
      )}
      {deciding && <DecisionDialog {...deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function DecisionDialog({
  volunteer,
  decision,
  onClose,
}: {
  volunteer: Volunteer;
  decision: 'approve' | 'decline' | 'team';
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ teamId?: string; reason?: string }>();
  const teams = useTeams();
  const save = useDeskMutation(
    (values: { teamId?: string; reason?: string }) =>
      api(`/api/volunteers/${volunteer.id}/${decision}`, {
        body:
          decision === 'decline'
            ? { reason: values.reason }
            : decision === 'team'
              ? { teamId: values.teamId ?? null }
              : { teamId: values.teamId },
      }),
    { invalidate: [ALL], form, success: t(`deskCommunity.volunteers.done.${decision}`), onDone: onClose },
  );
  return (
    <FormDialog
      title={`${t(`deskCommunity.volunteers.${decision === 'team' ? 'moveTeam' : decision}`)} · ${volunteer.name}`}
      form={form}
      onFinish={(values) => save.mutate(values)}
      onClose={onClose}
      saving={save.isPending}
    >
      {decision === 'decline' ? (
        <Form.Item
          name="reason"
          label={t('deskCommunity.volunteers.reason')}
          rules={[{ required: true, message: t('deskCommunity.volunteers.reasonMissing') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      ) : (
        <Form.Item name="teamId" label={t('deskCommunity.volunteers.team')}>
          <Select
            allowClear
            options={(teams.data ?? [])
              .filter((team) => team.communityId === volunteer.communityId)
              .map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
      )}
    </FormDialog>
  );
}
