import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Area } from '../../shared/types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

const CHILD_LEVEL: Partial<Record<Area['level'], Area['level']>> = {
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: 'building',
};
export const childLevelOf = (level: Area['level']) => CHILD_LEVEL[level];

interface DialogProps {
  area: Area;
  open: boolean;
  onClose: () => void;
  /** Called with the parent whose children changed. */
  onSaved: (parentId: string) => void;
}

/** A new area under the chosen one, or the chosen one renamed: the same two fields. */
export function AreaFormDialog({ area, open, onClose, onSaved, mode }: DialogProps & { mode: 'create' | 'rename' }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; code: string }>();
  const level = mode === 'create' ? childLevelOf(area.level) : area.level;
  useEffect(() => {
    if (open) form.setFieldsValue(mode === 'rename' ? { name: area.name, code: area.code } : { name: '', code: '' });
  }, [open, mode, area, form]);
  const save = useDeskMutation(
    (values: { name: string; code: string }) =>
      mode === 'create'
        ? api<Area>('/api/areas', { body: { parentId: area.id, level, ...values } })
        : api<Area>(`/api/areas/${area.id}`, { method: 'PATCH', body: values }),
    {
      invalidate: [['areas']],
      form,
      success: t('admin.common.saved'),
      onDone: () => {
        onSaved(mode === 'create' ? area.id : (area.parentId ?? area.id));
        onClose();
      },
    },
  );
  const title =
    mode === 'create'
      ? t('admin.areas.createTitle', { level: t(`admin.level.${level}`), parent: area.name })
      : t('admin.areas.renameTitle', { name: area.name });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="name" label={t('admin.areas.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('admin.areas.code')}
          extra={t('admin.areas.codeHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Retiring keeps the area and its history but takes it off every list; the server asks for a reason. */
export function RetireAreaDialog({ area, open, onClose, onSaved }: DialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const retire = useDeskMutation(
    ({ reason }: { reason: string }) => api<Area>(`/api/areas/${area.id}/retire`, { body: { reason } }),
    {
      invalidate: [['areas']],
      form,
      success: t('admin.areas.retired'),
      onDone: () => {
        onSaved(area.parentId ?? area.id);
        onClose();
      },
    },
  );
  return (
    <Modal
      open={open}
      title={t('admin.areas.retireTitle', { name: area.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.areas.retire')}
      okButtonProps={{ danger: true }}
      confirmLoading={retire.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => retire.mutate(values)}>
        <Form.Item
          name="reason"
          label={t('admin.areas.reason')}
          rules={[{ required: true, min: 2, message: t('admin.areas.reasonHint') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
