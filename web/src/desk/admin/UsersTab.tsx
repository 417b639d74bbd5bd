import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ROLES, type User } from './admin-types.ts';
import { UserRoles } from './UserRoles.tsx';

/** Users: find an account, create one, change its name, phone, state or password, and manage its roles. */
export function UsersTab() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string>();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [rolesOf, setRolesOf] = useState<User | null>(null);
  const users = useInfiniteQuery({
    queryKey: ['users', q, role],
    queryFn: ({ pageParam }) => api<Page<User>>(`/api/users${query({ q, role, limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const current = rolesOf ? (rows.find((u) => u.id === rolesOf.id) ?? rolesOf) : null;

  return (
    <Card
      title={t('admin.users.title')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('admin.users.search')} onSearch={setQ} className="fq-admin-search" />
          <Select
            allowClear
            placeholder={t('admin.users.anyRole')}
            value={role}
            onChange={setRole}
            className="fq-admin-select"
            options={ROLES.map((r) => ({ value: r.code, label: t(`admin.role.${r.code}`) }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('admin.users.create')}
          </Button>
        </Space>
      }
    >
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { key: 'username', dataIndex: 'username', title: t('admin.users.username'), width: 150 },
          { key: 'displayName', dataIndex: 'displayName', title: t('admin.users.displayName'), width: 140 },
          { key: 'phone', dataIndex: 'phone', title: t('admin.users.phone'), width: 140, render: (phone) => phone ?? '—' },
          {
            key: 'roles',
            title: t('admin.users.roles'),
            render: (_, user) => (
              <Space size={[4, 4]} wrap>
                {user.roles.map((r) => (
                  <Tag key={r.id} color="red" bordered={false}>
                    {t(`admin.role.${r.role}`)} · {r.scopeName}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'state',
            title: t('admin.users.state'),
            width: 100,
            render: (_, user) =>
              user.disabled ? (
                <Tag>{t('admin.users.disabled')}</Tag>
              ) : user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? (
                <Tag color="warning">{t('admin.users.locked')}</Tag>
              ) : (
                <Tag color="success">{t('admin.users.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('admin.common.actions'),
            width: 170,
            render: (_, user) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(user)}>
                  {t('admin.common.edit')}
                </Button>
                <Button type="link" onClick={() => setRolesOf(user)}>
                  {t('admin.users.manageRoles')}
                </Button>
              </Space>
            ),
          },
        ]}
        footer={
          users.hasNextPage
            ? () => (
                <Button block loading={users.isFetchingNextPage} onClick={() => users.fetchNextPage()}>
                  {t('common.more')}
                </Button>
              )
            : undefined
        }
      />
      <UserDialog user={editing} onClose={() => setEditing(null)} />
      <UserRoles user={current} onClose={() => setRolesOf(null)} />
    </Card>
  );
}

interface UserForm {
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
  disabled?: boolean;
}

function UserDialog({ user, onClose }: { user: User | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserForm>();
  const isNew = user === 'new';
  useEffect(() => {
    if (user && user !== 'new') form.setFieldsValue({ ...user, phone: user.phone ?? undefined, password: undefined });
    else form.resetFields();
  }, [user, form]);
  const save = useDeskMutation(
    ({ username, password, phone, disabled, displayName }: UserForm) =>
      isNew
        ? api<User>('/api/users', { body: { username, displayName, password, ...(phone ? { phone } : {}) } })
        : api<User>(`/api/users/${(user as User).id}`, {
            method: 'PATCH',
            body: { displayName, phone: phone || null, disabled, ...(password ? { password } : {}) },
          }),
    { invalidate: [['users']], form, success: t('admin.common.saved'), onDone: onClose },
  );
  const unlock = useDeskMutation(() => api(`/api/users/${(user as User).id}`, { method: 'PATCH', body: { unlock: true } }), {
    invalidate: [['users']],
    success: t('admin.users.unlocked'),
    onDone: onClose,
  });
  const locked = user && user !== 'new' && user.lockedUntil && Date.parse(user.lockedUntil) > Date.now();
  return (
    <Modal
      open={user !== null}
      title={isNew ? t('admin.users.create') : t('admin.users.editTitle', { name: (user as User | null)?.displayName ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="username" label={t('admin.users.username')} rules={[{ required: true, message: t('common.required') }]}>
          <Input disabled={!isNew} maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('admin.users.phone')}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="password"
          label={isNew ? t('admin.users.password') : t('admin.users.resetPassword')}
          extra={t('admin.users.passwordHint')}
          rules={
            isNew
              ? [{ required: true, min: 10, message: t('admin.users.passwordHint') }]
              : [{ min: 10, message: t('admin.users.passwordHint') }]
          }
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {!isNew && (
          <Form.Item name="disabled" label={t('admin.users.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {locked && (
          <Button onClick={() => unlock.mutate(undefined)} loading={unlock.isPending}>
            {t('admin.users.unlock')}
          </Button>
        )}
      </Form>
    </Modal>
  );
}
