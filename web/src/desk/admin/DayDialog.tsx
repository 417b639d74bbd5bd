import { Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import type { CalendarDay } from './admin-types.ts';

interface Props {
  date: string | null;
  entry: CalendarDay | undefined;
  streetId: string | undefined;
  onClose: () => void;
}

/** One day of the calendar made a holiday or a make-up workday, or its entry removed. */
export function DayDialog({ date, entry, streetId, onClose }: Props) {
  const { t, date: formatDate } = useI18n();
  const [form] = Form.useForm<{ kind: 'holiday' | 'workday'; name: string }>();
  useEffect(() => {
    if (date) form.setFieldsValue(entry ? { kind: entry.kind, name: entry.name } : { kind: 'holiday', name: '' });
  }, [date, entry, form]);
  const save = useDeskMutation(
    (values: { kind: 'holiday' | 'workday'; name: string }) =>
      api(`/api/calendar/days/${date}`, { method: 'PUT', body: { ...values, ...(streetId ? { streetId } : {}) } }),
    { invalidate: [['calendar']], form, success: t('admin.common.saved'), onDone: onClose },
  );
  const remove = useDeskMutation(() => api(`/api/calendar/days/${date}${query({ streetId })}`, { method: 'DELETE' }), {
    invalidate: [['calendar']],
    success: t('admin.calendar.entryRemoved'),
    onDone: onClose,
  });
  return (
    <Modal
      open={date !== null}
      title={date ? formatDate(date) : ''}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          {entry && (
            <Button danger loading={remove.isPending} onClick={() => remove.mutate(undefined)}>
              {t('admin.calendar.removeEntry')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {entry && (
        <Typography.Paragraph type="secondary">
          {t('admin.calendar.currentEntry', {
            name: entry.name,
            kind: t(`admin.calendar.${entry.kind}`),
            source: t(`admin.calendar.scope.${entry.scope}`),
          })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="kind" label={t('admin.calendar.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('admin.calendar.holiday') },
              { value: 'workday', label: t('admin.calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('admin.calendar.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input maxLength={100} placeholder={t('admin.calendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
