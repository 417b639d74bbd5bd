import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { ACTIVITY_KINDS, type Activity, type ActivityBody, type AreaChoice } from '../../shared/volunteer-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useMenu } from './community-data.ts';

interface Values {
  nodeId: string;
  kind: ActivityBody['kind'];
  title: string;
  description?: string;
  place: string;
  categoryId?: string;
  capacity: number;
  residentsOnly: boolean;
  volunteersOnly: boolean;
  minAge?: number;
  maxAge?: number;
  schedule: 'once' | 'weekly';
  date?: string;
  start: string;
  end: string;
  weekdays?: number[];
  count?: number;
  publish: boolean;
}

/** The street's local time as an instant: the desk runs in the street's zone. */
const instant = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();

export function toBody(v: Values): ActivityBody {
  return {
    nodeId: v.nodeId,
    kind: v.kind,
    title: v.title,
    description: v.description ?? '',
    place: v.place,
    ...(v.categoryId ? { categoryId: v.categoryId } : {}),
    capacity: v.capacity,
    eligibility: {
      residentsOnly: v.residentsOnly,
      volunteersOnly: v.volunteersOnly,
      minAge: v.minAge ?? null,
      maxAge: v.maxAge ?? null,
    },
    ...(v.schedule === 'weekly'
      ? { recurrence: { weekdays: v.weekdays ?? [], start: v.start, end: v.end, firstDate: v.date ?? '', count: v.count ?? 1 } }
      : { sessions: [{ startsAt: instant(v.date ?? '', v.start), endsAt: instant(v.date ?? '', v.end) }] }),
    publish: v.publish,
  };
}

/** A new activity: one session, or a course laid out weekly. */
export function ActivityDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (activity: Activity) => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const schedule = Form.useWatch('schedule', form);
  const menu = useMenu();
  const areas = useQuery({
    queryKey: ['desk-community', 'areas'],
    queryFn: () => api<{ items: AreaChoice[] }>('/api/volunteers/areas').then((r) => r.items),
  });
  const save = useDeskMutation((values: Values) => api<Activity>('/api/activities', { body: toBody(values) }), {
    invalidate: [ALL],
    form,
    success: t('deskCommunity.saved'),
    onDone: onCreated,
  });
  return (
    <FormDialog
      title={t('deskCommunity.activities.add')}
      form={form}
      width={640}
      onFinish={(values) => save.mutate(values)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{
        kind: 'course',
        schedule: 'weekly',
        start: '19:00',
        end: '20:30',
        count: 8,
        weekdays: [2],
        capacity: 20,
        residentsOnly: true,
        volunteersOnly: false,
        publish: true,
      }}
    >
      <Form.Item name="nodeId" label={t('deskCommunity.activities.organiser')} rules={[{ required: true }]}>
        <Select options={(areas.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="kind" label={t('deskCommunity.activities.kind')}>
        <Radio.Group
          optionType="button"
          options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`deskCommunity.kind.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('deskCommunity.activities.name')} rules={[{ required: true, max: 80 }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="place" label={t('deskCommunity.activities.place')} rules={[{ required: true, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('deskCommunity.activities.description')}>
        <Input.TextArea rows={2} maxLength={3000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="capacity" label={t('deskCommunity.activities.capacity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('deskCommunity.activities.category')}>
          <Select allowClear style={{ width: 180 }} options={(menu.data ?? []).map((c) => ({ value: c.id, label: pick(c) }))} />
        </Form.Item>
        <Form.Item name="minAge" label={t('deskCommunity.activities.minAge')}>
          <InputNumber min={0} max={120} />
        </Form.Item>
        <Form.Item name="maxAge" label={t('deskCommunity.activities.maxAge')}>
          <InputNumber min={0} max={120} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="residentsOnly" valuePropName="checked">
          <Checkbox>{t('deskCommunity.activities.residentsOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="volunteersOnly" valuePropName="checked">
          <Checkbox>{t('deskCommunity.activities.volunteersOnly')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="schedule" label={t('deskCommunity.activities.schedule')}>
        <Radio.Group
          options={[
            { value: 'once', label: t('deskCommunity.activities.once') },
            { value: 'weekly', label: t('deskCommunity.activities.weekly') },
          ]}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="date"
          label={schedule === 'weekly' ? t('deskCommunity.activities.firstDate') : t('deskCommunity.activities.date')}
          rules={[{ required: true }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="start" label={t('deskCommunity.activities.start')} rules={[{ required: true }]}>
          <Input type="time" />
        </Form.Item>
        <Form.Item name="end" label={t('deskCommunity.activities.end')} rules={[{ required: true }]}>
          <Input type="time" />
        </Form.Item>
      </Space>
      {schedule === 'weekly' && (
        <Space wrap>
          <Form.Item name="weekdays" label={t('deskCommunity.activities.weekdays')} rules={[{ required: true }]}>
            <Checkbox.Group
              options={[1, 2, 3, 4, 5, 6, 7].map((value) => ({ value, label: t(`deskCommunity.weekday.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="count" label={t('deskCommunity.activities.count')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="publish" valuePropName="checked">
        <Checkbox>{t('deskCommunity.activities.publishNow')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
