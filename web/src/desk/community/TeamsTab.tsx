import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { AreaChoice, VolunteerTeam } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useTeams } from './community-data.ts';

/** Volunteer teams of the reader's area with their leaders and members. */
export function TeamsTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const teams = useTeams();
  const [adding, setAdding] = useState(false);
  return (
    <>
      {hasPermission(me, 'volunteers.manage') && (
        <div className="fq-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('deskCommunity.teams.add')}
          </Button>
        </div>
      )}
      <Table<VolunteerTeam>
        rowKey="id"
        size="middle"
        loading={teams.isLoading}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.teams.none') }}
        columns={[
          { key: 'name', title: t('deskCommunity.teams.name'), dataIndex: 'name' },
          { key: 'community', title: t('deskCommunity.teams.community'), dataIndex: 'communityName' },
          { key: 'leader', title: t('deskCommunity.teams.leader'), render: (_, team) => team.leaderName ?? '—' },
          { key: 'members', title: t('deskCommunity.teams.members'), align: 'right', dataIndex: 'members' },
        ]}
      />
      {adding && <TeamDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function TeamDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ communityId: string; name: string }>();
  const areas = useQuery({
    queryKey: ['desk-community', 'areas'],
    queryFn: () => api<{ items: AreaChoice[] }>('/api/volunteers/areas').then((r) => r.items),
  });
  const save = useDeskMutation((body: { communityId: string; name: string }) => api('/api/volunteers/teams', { body }), {
    invalidate: [ALL],
    form,
    success: t('deskCommunity.saved'),
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('deskCommunity.teams.add')}
      form={form}
      onFinish={(values) => save.mutate(values)}
      onClose={onClose}
      saving={save.isPending}
    >
      <Form.Item name="communityId" label={t('deskCommunity.teams.community')} rules={[{ required: true }]}>
        <Select options={(areas.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="name" label={t('deskCommunity.teams.name')} rules={[{ required: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
    </FormDialog>
  );
}
