import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Progress, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { CARE_GROUPS, type CampaignBody, type CareCampaign, FESTIVALS } from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useCampaign, useCampaigns, useCareWrite } from './care-data.ts';

const STAGE_COLORS = { upcoming: 'default', running: 'processing', ended: 'success' } as const;

/** Festival visit campaigns with their progress in the reader's scope; a row opens its progress by area. */
export function CampaignsCard() {
  const { t, date } = useI18n();
  const { data: me } = useMe();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const percent = (rate: number | null) => Math.round((rate ?? 0) * 100);
  return (
    <Card
      variant="borderless"
      className="fq-gap"
      title={t('deskCare.campaigns.title')}
      extra={
        hasPermission(me, 'care.campaigns') && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deskCare.campaigns.new')}
          </Button>
        )
      }
    >
      <Table<CareCampaign>
        rowKey="id"
        size="small"
        loading={campaigns.isLoading}
        dataSource={campaigns.data ?? []}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskCare.campaigns.none') }}
        expandable={{ expandedRowRender: (row) => <CampaignRows id={row.id} /> }}
        columns={[
          { key: 'name', title: t('deskCare.campaigns.name'), dataIndex: 'name' },
          {
            key: 'festival',
            title: t('deskCare.campaigns.festival'),
            render: (_, row) => t(`deskCare.festival.${row.festival}`),
          },
          { key: 'node', title: t('deskCare.campaigns.node'), dataIndex: 'nodeName' },
          {
            key: 'groups',
            title: t('deskCare.campaigns.groups'),
            render: (_, row) => row.groups.map((g) => <Tag key={g}>{t(`deskCare.group.${g}`)}</Tag>),
          },
          {
            key: 'period',
            title: t('deskCare.campaigns.period'),
            render: (_, row) => `${date(row.startsOn)} – ${date(row.endsOn)}`,
          },
          {
            key: 'stage',
            title: '',
            render: (_, row) => <Tag color={STAGE_COLORS[row.stage]}>{t(`deskCare.campaigns.stage.${row.stage}`)}</Tag>,
          },
          {
            key: 'progress',
            title: t('deskCare.campaigns.progress'),
            width: 220,
            render: (_, row) => (
              <Progress
                percent={percent(row.progress.rate)}
                size="small"
                format={() => `${row.progress.visited}/${row.progress.targets}`}
              />
            ),
          },
        ]}
      />
      {creating && <CampaignDialog onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CampaignRows({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useCampaign(id);
  return (
    <Table
      rowKey="nodeId"
      size="small"
      loading={detail.isLoading}
      dataSource={detail.data?.rows ?? []}
      pagination={false}
      columns={[
        { key: 'node', title: t('deskCare.campaigns.byNode'), dataIndex: 'nodeName' },
        {
          key: 'progress',
          title: t('deskCare.campaigns.progress'),
          render: (_, row) => (
            <Progress percent={Math.round((row.rate ?? 0) * 100)} size="small" format={() => `${row.visited}/${row.targets}`} />
          ),
        },
      ]}
    />
  );
}

function CampaignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CampaignBody>();
  const { data: me } = useMe();
  const home = me?.roles.find((role) => role.nodeId)?.nodeId ?? undefined;
  const create = useCareWrite<CampaignBody>('/api/care/campaigns', {
    form,
    success: t('deskCare.campaigns.created'),
    onDone: onClose,
  });
  return (
    <FormDialog<CampaignBody>
      title={t('deskCare.campaigns.new')}
      form={form}
      saving={create.isPending}
      onClose={onClose}
      initialValues={{ nodeId: home, festival: 'spring_festival', groups: ['elderly_alone', 'in_difficulty'] }}
      onFinish={(values) => create.mutate(values)}
    >
      <Form.Item name="nodeId" label={t('deskCare.campaigns.node')} rules={[{ required: true }]}>
        <AreaTreeSelect onChange={(nodeId) => form.setFieldValue('nodeId', nodeId)} />
      </Form.Item>
      <Form.Item name="name" label={t('deskCare.campaigns.name')} rules={[{ required: true }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="festival" label={t('deskCare.campaigns.festival')}>
        <Select options={FESTIVALS.map((f) => ({ value: f, label: t(`deskCare.festival.${f}`) }))} />
      </Form.Item>
      <Form.Item name="groups" label={t('deskCare.campaigns.groups')} rules={[{ required: true }]}>
        <Select mode="multiple" options={CARE_GROUPS.map((g) => ({ value: g, label: t(`deskCare.group.${g}`) }))} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('deskCare.campaigns.startsOn')} rules={[{ required: true }]}>
        <Input type="date" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('deskCare.campaigns.endsOn')} rules={[{ required: true }]}>
        <Input type="date" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="note" label={t('deskCare.campaigns.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
