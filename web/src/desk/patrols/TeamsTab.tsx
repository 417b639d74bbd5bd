import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { PatrolTeam } from '../../shared/patrol-types.ts';
import { usePartners, usePatrolWrite, useTeams } from './patrol-data.ts';

interface TeamValues {
  name: string;
  leaderUserId?: string | null;
}

/** The community's patrol teams, each with a leader chosen among its approved partners. */
export function TeamsTab({ communityId }: { communityId: string | undefined }) {
  const { t, number } = useI18n();
  const teams = useTeams(communityId);
  const [editing, setEditing] = useState<PatrolTeam | 'new' | null>(null);
  return (
    <>
      <div className="fq-toolbar">
        <Button type="primary" icon={<PlusOutlined />} disabled={!communityId} onClick={() => setEditing('new')}>
          {t('deskPatrols.teams.new')}
        </Button>
      </div>
      <Table
        rowKey="id"
        size="middle"
        loading={teams.isLoading}
        dataSource={teams.data ?? []}
        pagination={false}
        locale={{ emptyText: t('deskPatrols.teams.none') }}
        columns={[
          { key: 'name', title: t('deskPatrols.teams.name'), dataIndex: 'name' },
          { key: 'community', title: t('deskPatrols.community'), dataIndex: 'communityName' },
          {
            key: 'leader',
            title: t('deskPatrols.teams.leader'),
            render: (_: unknown, team: PatrolTeam) => team.leaderName ?? t('common.none'),
          },
          {
            key: 'members',
            title: t('deskPatrols.teams.members'),
            render: (_: unknown, team: PatrolTeam) => number(team.members),
          },
          {
            key: 'edit',
            title: t('deskPatrols.actions'),
            render: (_: unknown, team: PatrolTeam) => (
              <Button size="small" onClick={() => setEditing(team)}>
                {t('deskPatrols.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && communityId && (
        <TeamDialog team={editing === 'new' ? null : editing} communityId={communityId} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

function TeamDialog({ team, communityId, onClose }: { team: PatrolTeam | null; communityId: string; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TeamValues>();
  const partners = usePartners({ status: 'approved', communityId: team?.communityId ?? communityId });
  const create = usePatrolWrite<TeamValues>(() => '/api/patrols/teams');
  const update = usePatrolWrite<TeamValues>(() => `/api/patrols/teams/${team?.id}`, 'PATCH');
  const save = team ? update : create;
  return (
    <Modal
      open
      title={team ? t('deskPatrols.teams.editTitle', { name: team.name }) : t('deskPatrols.teams.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        initialValues={{ name: team?.name ?? '', leaderUserId: team?.leaderUserId ?? undefined }}
        onFinish={(values) => {
          const body = team
            ? { name: values.name.trim(), leaderUserId: values.leaderUserId ?? null }
            : { communityId, name: values.name.trim(), ...(values.leaderUserId ? { leaderUserId: values.leaderUserId } : {}) };
          save.mutate(body, { onSuccess: onClose, onError: (error) => void message.error(errorMessage(t, error)) });
        }}
      >
        <Form.Item
          name="name"
          label={t('deskPatrols.teams.name')}
          rules={[{ required: true, whitespace: true, message: t('deskPatrols.teams.nameMissing') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="leaderUserId" label={t('deskPatrols.teams.leader')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(partners.data ?? []).map((p) => ({ value: p.userId, label: p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
