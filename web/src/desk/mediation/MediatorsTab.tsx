import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { MEDIATOR_KINDS, type Mediator, type MediatorBody } from '../../shared/mediation-types.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { useCommunityStaff } from '../cases/reference-data.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useMediationWrite, useMediators } from './mediation-data.ts';

/** Mediators of the reader's area and the levels above: staff who hold the role, and outside lawyers, judges and volunteers by name. */
export function MediatorsTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const mediators = useMediators();
  const [adding, setAdding] = useState(false);
  const label = (key: string) => t(`deskMediation.mediators.${key}`);
  return (
    <>
      {hasPermission(me, 'mediation.manage') && (
        <Button type="primary" icon={<PlusOutlined />} className="fq-gap" onClick={() => setAdding(true)}>
          {label('add')}
        </Button>
      )}
      <Table<Mediator>
        rowKey="id"
        size="middle"
        loading={mediators.isLoading}
        dataSource={mediators.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: label('none') }}
        columns={[
          { key: 'name', title: label('name'), dataIndex: 'name' },
          { key: 'kind', title: label('kind'), render: (_, m) => t(`deskMediation.mediatorKind.${m.kind}`) },
          { key: 'affiliation', title: label('affiliation'), render: (_, m) => m.affiliation ?? '—' },
          { key: 'node', title: label('node'), dataIndex: 'nodeName' },
          { key: 'phone', title: label('phone'), render: (_, m) => m.phone ?? '—' },
        ]}
      />
      {adding && <MediatorDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function MediatorDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<MediatorBody>();
  const staff = useCommunityStaff();
  const write = useMediationWrite<MediatorBody>('/api/mediation/mediators', {
    form,
    success: t('deskMediation.studios.saved'),
    onDone: onClose,
  });
  const label = (key: string) => t(`deskMediation.mediators.${key}`);
  return (
    <FormDialog<MediatorBody>
      title={label('add')}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{ kind: 'lawyer' }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="nodeId" label={label('node')} rules={[{ required: true, message: t('common.required') }]}>
        <AreaTreeSelect onChange={(nodeId) => form.setFieldValue('nodeId', nodeId)} />
      </Form.Item>
      <Form.Item name="kind" label={label('kind')}>
        <Select options={MEDIATOR_KINDS.map((k) => ({ value: k, label: t(`deskMediation.mediatorKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="userId" label={label('user')} extra={label('userHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={staff.isLoading}
          options={(staff.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        />
      </Form.Item>
      <Form.Item name="name" label={label('name')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={label('phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="affiliation" label={label('affiliation')}>
        <Input maxLength={100} placeholder={label('affiliationPlaceholder')} />
      </Form.Item>
    </FormDialog>
  );
}
