import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Category } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { useCategories } from './admin-queries.ts';

const KINDS = ['demand', 'complaint', 'hazard', 'incident'] as const;
type Row = Omit<Category, 'children'> & { children?: Row[]; parentId?: string };

/** Categories: the two-level taxonomy the report form offers, added to, renamed and retired here. */
export function CategoriesTab() {
  const { t, pick } = useI18n();
  const categories = useCategories();
  const [editing, setEditing] = useState<{ row?: Row; parentId?: string } | null>(null);
  const [expanded, setExpanded] = useState<string[]>();
  const retire = useDeskMutation(
    (row: Row) => api(`/api/case-categories/${row.id}`, { method: 'PATCH', body: { retired: !row.retired } }),
    { invalidate: [['case-categories']], success: t('admin.common.saved') },
  );
  const rows: Row[] = (categories.data ?? []).map((c) => ({
    ...c,
    children: c.children.map((child) => ({ ...child, parentId: c.id })),
  }));

  return (
    <Card
      title={t('admin.categories.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('admin.categories.addTop')}
        </Button>
      }
    >
      <Table<Row>
        rowKey="id"
        loading={categories.isLoading}
        dataSource={rows}
        pagination={false}
        expandable={{
          // The first category opens by itself, to show that each holds subcategories.
          expandedRowKeys: expanded ?? rows.slice(0, 1).map((r) => r.id),
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
        }}
        columns={[
          {
            key: 'name',
            title: t('admin.categories.name'),
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Typography.Text delete={row.retired}>{pick(row)}</Typography.Text>
                <Typography.Text type="secondary" className="fq-admin-sub">
                  {pick({ nameZh: row.nameEn, nameEn: row.nameZh })}
                </Typography.Text>
              </Space>
            ),
          },
          { key: 'code', dataIndex: 'code', title: t('admin.areas.code'), width: 200 },
          {
            key: 'kind',
            dataIndex: 'kind',
            title: t('admin.categories.kind'),
            width: 110,
            render: (kind: string) => <Tag bordered={false}>{t(`case.kind.${kind}`)}</Tag>,
          },
          {
            key: 'department',
            dataIndex: 'departmentCode',
            title: t('admin.categories.department'),
            width: 150,
            render: (d) => d ?? '—',
          },
          {
            key: 'state',
            title: t('admin.users.state'),
            width: 100,
            render: (_, row) =>
              row.retired ? <Tag>{t('admin.areas.retiredTag')}</Tag> : <Tag color="success">{t('admin.categories.inUse')}</Tag>,
          },
          {
            key: 'actions',
            title: t('admin.common.actions'),
            width: 250,
            render: (_, row) => (
              <Space size={0}>
                {!row.parentId && (
                  <Button type="link" onClick={() => setEditing({ parentId: row.id })}>
                    {t('admin.categories.addSub')}
                  </Button>
                )}
                <Button type="link" onClick={() => setEditing({ row })}>
                  {t('admin.common.edit')}
                </Button>
                <Button type="link" danger={!row.retired} onClick={() => retire.mutate(row)}>
                  {row.retired ? t('admin.categories.restore') : t('admin.areas.retire')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <CategoryDialog editing={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

interface CategoryForm {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: (typeof KINDS)[number];
  departmentCode?: string;
  sort?: number;
}

function CategoryDialog({ editing, onClose }: { editing: { row?: Row; parentId?: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CategoryForm>();
  const row = editing?.row;
  useEffect(() => {
    if (row) {
      form.setFieldsValue({
        code: row.code,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        kind: row.kind as CategoryForm['kind'],
        departmentCode: row.departmentCode ?? undefined,
      });
    } else form.resetFields();
  }, [row, form]);
  const save = useDeskMutation(
    ({ code, departmentCode, ...values }: CategoryForm) =>
      row
        ? api(`/api/case-categories/${row.id}`, {
            method: 'PATCH',
            body: { ...values, ...(departmentCode ? { departmentCode } : {}) },
          })
        : api('/api/case-categories', {
            body: { ...values, code, parentId: editing?.parentId, ...(departmentCode ? { departmentCode } : {}) },
          }),
    { invalidate: [['case-categories']], form, success: t('admin.common.saved'), onDone: onClose },
  );
  return (
    <Modal
      open={editing !== null}
      title={row ? t('admin.common.edit') : editing?.parentId ? t('admin.categories.addSub') : t('admin.categories.addTop')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} initialValues={{ kind: 'demand' }}>
        <Form.Item
          name="code"
          label={t('admin.areas.code')}
          extra={t('admin.categories.codeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input disabled={Boolean(row)} maxLength={40} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('admin.categories.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('admin.categories.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.categories.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`case.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('admin.categories.department')} extra={t('admin.categories.departmentHint')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="sort" label={t('admin.categories.sort')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
