import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { AreaSelect } from './AreaSelect.tsx';
import type { Estate, Organisation } from './admin-types.ts';

/** The estates a property company manages: listed, renamed, and registered under a community. */
export function EstatesOf({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ id?: string; name: string; communityId?: string }>();
  const [open, setOpen] = useState<'new' | Estate | null>(null);
  const estates = useQuery({
    queryKey: ['estates'],
    queryFn: () => api<{ items: Estate[] }>('/api/estates'),
    select: (page) => page.items.filter((e) => e.propertyCompanyId === organisation.id),
  });
  const save = useDeskMutation(
    (values: { name: string; communityId?: string }) =>
      open === 'new'
        ? api('/api/estates', {
            body: { name: values.name, communityId: values.communityId, propertyCompanyId: organisation.id },
          })
        : api(`/api/estates/${(open as Estate).id}`, { method: 'PATCH', body: { name: values.name } }),
    { invalidate: [['estates'], ['organisations']], form, success: t('admin.common.saved'), onDone: () => setOpen(null) },
  );
  const edit = (estate: Estate | 'new') => {
    form.setFieldsValue(estate === 'new' ? { name: '', communityId: undefined } : { name: estate.name });
    setOpen(estate);
  };
  return (
    <Space direction="vertical" className="fq-admin-full">
      <Table<Estate>
        size="small"
        rowKey="id"
        pagination={false}
        loading={estates.isLoading}
        dataSource={estates.data ?? []}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('admin.estates.name') },
          { key: 'buildings', dataIndex: 'buildingCount', title: t('admin.estates.buildings'), width: 120 },
          {
            key: 'actions',
            width: 90,
            title: t('admin.common.actions'),
            render: (_, estate) => (
              <Button type="link" onClick={() => edit(estate)}>
                {t('admin.common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined />} onClick={() => edit('new')}>
        {t('admin.estates.add')}
      </Button>
      <Modal
        open={open !== null}
        title={open === 'new' ? t('admin.estates.add') : t('admin.common.edit')}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="name" label={t('admin.estates.name')} rules={[{ required: true, message: t('common.required') }]}>
            <Input maxLength={100} />
          </Form.Item>
          {open === 'new' && (
            <Form.Item
              name="communityId"
              label={t('admin.estates.community')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <AreaSelect deepest="community" selectable={['community']} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
