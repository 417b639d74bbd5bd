import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { AreaSelect } from './AreaSelect.tsx';
import type { Organisation, OrganisationKind } from './admin-types.ts';
import { EstatesOf } from './EstatesOf.tsx';

export const ORGANISATION_KINDS: OrganisationKind[] = [
  'street_department',
  'property_company',
  'owners_committee',
  'social_organisation',
  'co_building_unit',
];

/** Organisations: departments, property companies and the rest, with the estates a company manages. */
export function OrganisationsTab() {
  const { t } = useI18n();
  const [kind, setKind] = useState<OrganisationKind>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const organisations = useQuery({
    queryKey: ['organisations', kind, q],
    queryFn: () => api<Page<Organisation>>(`/api/organisations${query({ kind, q, limit: 100 })}`),
  });

  return (
    <Card
      title={t('admin.organisations.title')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('admin.organisations.search')} onSearch={setQ} className="fq-admin-search" />
          <Select
            allowClear
            placeholder={t('admin.organisations.anyKind')}
            value={kind}
            onChange={setKind}
            className="fq-admin-select"
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`admin.orgKind.${k}`) }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.organisations.create')}
          </Button>
        </Space>
      }
    >
      <Table<Organisation>
        rowKey="id"
        loading={organisations.isLoading}
        dataSource={organisations.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (o) => o.kind === 'property_company',
          expandedRowRender: (o) => <EstatesOf organisation={o} />,
        }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('admin.organisations.name'), width: 260 },
          { key: 'code', dataIndex: 'code', title: t('admin.areas.code'), width: 150 },
          {
            key: 'kind',
            dataIndex: 'kind',
            title: t('admin.organisations.kind'),
            width: 150,
            render: (k: OrganisationKind) => <Tag bordered={false}>{t(`admin.orgKind.${k}`)}</Tag>,
          },
          { key: 'node', dataIndex: 'nodeName', title: t('admin.organisations.attachedTo'), width: 160 },
          { key: 'phone', dataIndex: 'contactPhone', title: t('admin.organisations.phone'), width: 140, render: (p) => p ?? '—' },
          {
            key: 'estates',
            title: t('admin.organisations.estates'),
            width: 110,
            render: (_, o) => (o.kind === 'property_company' ? o.estates.length : '—'),
          },
          {
            key: 'state',
            title: t('admin.users.state'),
            width: 100,
            render: (_, o) =>
              o.retiredAt ? <Tag>{t('admin.areas.retiredTag')}</Tag> : <Tag color="success">{t('admin.users.active')}</Tag>,
          },
          {
            key: 'actions',
            title: t('admin.common.actions'),
            width: 90,
            render: (_, o) => (
              <Button type="link" onClick={() => setEditing(o)}>
                {t('admin.common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <OrganisationDialog organisation={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

interface OrganisationForm {
  kind: OrganisationKind;
  name: string;
  code: string;
  nodeId?: string;
  contactPhone?: string;
  retired?: boolean;
}

function OrganisationDialog({ organisation, onClose }: { organisation: Organisation | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OrganisationForm>();
  const isNew = organisation === 'new';
  useEffect(() => {
    if (organisation && organisation !== 'new') {
      form.setFieldsValue({
        ...organisation,
        contactPhone: organisation.contactPhone ?? undefined,
        retired: organisation.retiredAt !== null,
      });
    } else form.resetFields();
  }, [organisation, form]);
  const save = useDeskMutation(
    ({ kind, name, code, nodeId, contactPhone, retired }: OrganisationForm) =>
      isNew
        ? api('/api/organisations', { body: { kind, name, code, nodeId, ...(contactPhone ? { contactPhone } : {}) } })
        : api(`/api/organisations/${(organisation as Organisation).id}`, {
            method: 'PATCH',
            body: { name, code, contactPhone: contactPhone || null, retired },
          }),
    { invalidate: [['organisations']], form, success: t('admin.common.saved'), onDone: onClose },
  );
  return (
    <Modal
      open={organisation !== null}
      title={
        isNew
          ? t('admin.organisations.create')
          : t('admin.organisations.editTitle', { name: (organisation as Organisation | null)?.name ?? '' })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="kind" label={t('admin.organisations.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select disabled={!isNew} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`admin.orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.organisations.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.areas.code')}
          extra={t('admin.areas.codeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="nodeId"
            label={t('admin.organisations.attachedTo')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <AreaSelect deepest="community" selectable={['street', 'community']} />
          </Form.Item>
        )}
        <Form.Item name="contactPhone" label={t('admin.organisations.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        {!isNew && (
          <Form.Item name="retired" label={t('admin.organisations.retired')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
