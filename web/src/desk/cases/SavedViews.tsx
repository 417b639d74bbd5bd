import { DeleteOutlined, DownOutlined, StarOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import type { CaseFilters } from './types.ts';

interface SavedView {
  id: string;
  name: string;
  filters: CaseFilters;
}

/** Views belong to the person and this browser: a name for a set of filters, kept in localStorage. */
function useSavedViews() {
  const { data: me } = useMe();
  const key = `fq.desk.caseViews.${me?.id ?? 'anonymous'}`;
  const [views, setViews] = useState<SavedView[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '[]') as SavedView[];
    } catch {
      return [];
    }
  });
  const store = (next: SavedView[]) => {
    localStorage.setItem(key, JSON.stringify(next));
    setViews(next);
  };
  return {
    views,
    save: (name: string, filters: CaseFilters) =>
      store([...views.filter((view) => view.name !== name), { id: crypto.randomUUID(), name, filters }]),
    remove: (id: string) => store(views.filter((view) => view.id !== id)),
  };
}

export function SavedViews({ filters, onApply }: { filters: CaseFilters; onApply: (filters: CaseFilters) => void }) {
  const { t } = useI18n();
  const { views, save, remove } = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const items = [
    ...views.map((view) => ({
      key: view.id,
      label: (
        <span className="fq-view-item">
          <span>{view.name}</span>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('deskCases.views.delete', { name: view.name })}
            onClick={(event) => {
              event.stopPropagation();
              remove(view.id);
            }}
          />
        </span>
      ),
      onClick: () => onApply(view.filters),
    })),
    ...(views.length ? [{ type: 'divider' as const }] : []),
    { key: 'save', icon: <StarOutlined />, label: t('deskCases.views.saveCurrent'), onClick: () => setNaming(true) },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button>
          <Space>
            {t('deskCases.views.title')}
            {views.length > 0 && <span className="fq-muted">{views.length}</span>}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      <Modal
        title={t('deskCases.views.saveTitle')}
        open={naming}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={({ name }) => {
            save(name.trim(), filters);
            setNaming(false);
          }}
        >
          <Form.Item
            name="name"
            label={t('deskCases.views.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 40 }]}
            extra={t('deskCases.views.hint')}
          >
            <Input autoFocus maxLength={40} placeholder={t('deskCases.views.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
