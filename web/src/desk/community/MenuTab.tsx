import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { type ServiceCategory, type ServiceItem, VOLUNTEER_SKILLS } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useMenu } from './community-data.ts';

/** The service menu: its categories and items, the skills each asks for and the working days it takes. */
export function MenuTab() {
  const { t, pick } = useI18n();
  const { data: me } = useMe();
  const configure = hasPermission(me, 'services.configure');
  const menu = useMenu(configure);
  const [adding, setAdding] = useState<ServiceCategory | null>(null);
  const retire = useDeskMutation(
    ({ id, retired }: { id: string; retired: boolean }) =>
      api(`/api/services/items/${id}`, { method: 'PATCH', body: { retired } }),
    {
      invalidate: [ALL],
    },
  );
  const categories = menu.data ?? [];
  return (
    <>
      <p className="fq-muted">
        {t('deskCommunity.menu.summary', {
          categories: categories.length,
          items: categories.reduce((n, c) => n + c.items.filter((i) => !i.retired).length, 0),
        })}
      </p>
      <div className="fq-menu-grid">
        {categories.map((category) => (
          <Card
            key={category.id}
            size="small"
            title={pick(category)}
            extra={
              configure && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(category)}>
                  {t('deskCommunity.menu.addItem')}
                </Button>
              )
            }
          >
            <Table<ServiceItem>
              rowKey="id"
              size="small"
              pagination={false}
              showHeader={false}
              dataSource={category.items}
              columns={[
                {
                  key: 'name',
                  render: (_, item) => <span className={item.retired ? 'fq-retired' : undefined}>{pick(item)}</span>,
                },
                {
                  key: 'skills',
                  render: (_, item) => item.skills.map((s) => <Tag key={s}>{t(`deskCommunity.skill.${s}`)}</Tag>),
                },
                { key: 'days', align: 'right', render: (_, item) => t('deskCommunity.menu.days', { n: item.workingDays }) },
                ...(configure
                  ? [
                      {
                        key: 'on',
                        render: (_: unknown, item: ServiceItem) => (
                          <Switch
                            size="small"
                            checked={!item.retired}
                            aria-label={pick(item)}
                            onChange={(on) => retire.mutate({ id: item.id, retired: !on })}
                          />
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        ))}
      </div>
      {adding && <ItemDialog category={adding} onClose={() => setAdding(null)} />}
    </>
  );
}

interface ItemForm {
  code: string;
  nameZh: string;
  nameEn: string;
  skills: string[];
  workingDays: number;
  durationMinutes: number;
}

function ItemDialog({ category, onClose }: { category: ServiceCategory; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<ItemForm>();
  const save = useDeskMutation(
    (values: ItemForm) => api('/api/services/items', { body: { ...values, categoryId: category.id } }),
    {
      invalidate: [ALL],
      form,
      success: t('deskCommunity.saved'),
      onDone: onClose,
    },
  );
  return (
    <FormDialog
      title={`${t('deskCommunity.menu.addItem')} · ${pick(category)}`}
      form={form}
      onFinish={(values) => save.mutate(values)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ workingDays: 5, durationMinutes: 60, skills: [] }}
    >
      <Form.Item name="code" label={t('deskCommunity.menu.code')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_]{1,39}$/ }]}>
        <Input placeholder="CONV_KNIVES" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('deskCommunity.menu.nameZh')} rules={[{ required: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('deskCommunity.menu.nameEn')} rules={[{ required: true }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="skills" label={t('deskCommunity.volunteers.skills')}>
        <Select
          mode="multiple"
          options={VOLUNTEER_SKILLS.map((value) => ({ value, label: t(`deskCommunity.skill.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="workingDays" label={t('deskCommunity.menu.workingDays')}>
        <InputNumber min={1} max={60} />
      </Form.Item>
      <Form.Item name="durationMinutes" label={t('deskCommunity.menu.duration')}>
        <InputNumber min={10} max={1440} step={15} />
      </Form.Item>
    </FormDialog>
  );
}
