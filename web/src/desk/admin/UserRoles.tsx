import { DeleteOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Form, List, Popconfirm, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { AreaSelect } from './AreaSelect.tsx';
import { type Organisation, ROLES, type User } from './admin-types.ts';

/** Which organisations hold a role held at an organisation. */
const ORGANISATION_KIND: Record<string, Organisation['kind']> = {
  dept_handler: 'street_department',
  property_handler: 'property_company',
};

interface GrantForm {
  role: string;
  nodeId?: string;
  organisationId?: string;
}

/** A person's roles, each held at an area or an organisation: granted and revoked here. */
export function UserRoles({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<GrantForm>();
  const role = Form.useWatch('role', form);
  const heldAt = ROLES.find((r) => r.code === role)?.heldAt;
  const organisations = useQuery({
    queryKey: ['organisations', 'for-role', ORGANISATION_KIND[role ?? '']],
    queryFn: () => api<Page<Organisation>>(`/api/organisations${query({ kind: ORGANISATION_KIND[role ?? ''], limit: 100 })}`),
    enabled: heldAt === 'organisation',
  });
  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const grant = useDeskMutation((values: GrantForm) => api(`/api/users/${user?.id}/roles`, { body: values }), {
    invalidate: [['users']],
    form,
    success: t('admin.roles.granted'),
    onDone: () => form.resetFields(),
  });
  const revoke = useDeskMutation(
    (assignmentId: string) => api(`/api/users/${user?.id}/roles/${assignmentId}`, { method: 'DELETE' }),
    {
      invalidate: [['users']],
      success: t('admin.roles.revoked'),
    },
  );

  return (
    <Drawer open={user !== null} width={520} title={t('admin.roles.title', { name: user?.displayName ?? '' })} onClose={onClose}>
      <Typography.Title level={5}>{t('admin.roles.current')}</Typography.Title>
      {user && user.roles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin.roles.none')} />
      ) : (
        <List
          bordered
          dataSource={user?.roles ?? []}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Popconfirm
                  key="revoke"
                  title={t('admin.roles.revokeConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutate(r.id)}
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('admin.roles.revoke')} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={t(`admin.role.${r.role}`)}
                description={`${r.scopeName} · ${t(`admin.level.${r.scopeLevel}`)}`}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} className="fq-admin-gap">
        {t('admin.roles.grant')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(values) => grant.mutate(values)}>
        <Form.Item name="role" label={t('admin.roles.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={ROLES.map((r) => ({ value: r.code, label: t(`admin.role.${r.code}`) }))}
            onChange={() => form.setFieldsValue({ nodeId: undefined, organisationId: undefined })}
          />
        </Form.Item>
        {heldAt === 'node' && (
          <Form.Item name="nodeId" label={t('admin.roles.atArea')} rules={[{ required: true, message: t('common.required') }]}>
            <AreaSelect deepest="building" />
          </Form.Item>
        )}
        {heldAt === 'organisation' && (
          <Form.Item
            name="organisationId"
            label={t('admin.roles.atOrganisation')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              loading={organisations.isLoading}
              options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={grant.isPending} disabled={!heldAt}>
          {t('admin.roles.grant')}
        </Button>
      </Form>
    </Drawer>
  );
}
