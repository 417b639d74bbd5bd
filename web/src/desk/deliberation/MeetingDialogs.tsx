import { Form, Input, Select, Space, Switch } from 'antd';
import { useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import type { Meeting, MeetingBody, ResolutionBody } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useEstates, useTopics } from './delib-data.ts';

const KINDS = ['property_day', 'council', 'ad_hoc'] as const;

interface MeetingForm {
  kind: MeetingBody['kind'];
  estateId?: string;
  title: string;
  date: string;
  time: string;
  place: string;
  topicIds?: string[];
}

/** Calling a meeting: a discussion day for an estate (all six parties invited), a council or an ad-hoc one, with its agenda. */
export function NewMeetingDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [form] = Form.useForm<MeetingForm>();
  const estates = useEstates();
  const topics = useTopics({ open: 'true' });
  const estateId = Form.useWatch('estateId', form);
  const save = useDeskMutation(
    (v: MeetingForm) => {
      const estate = estates.data?.find((e) => e.id === v.estateId);
      const body: MeetingBody = {
        kind: v.kind,
        ...(v.estateId ? { estateId: v.estateId } : {}),
        ...(estate ? { communityId: estate.communityId } : {}),
        title: v.title,
        startsAt: new Date(`${v.date}T${v.time}:00+08:00`).toISOString(),
        place: v.place,
        topicIds: v.topicIds ?? [],
      };
      return api<{ id: string }>('/api/deliberation/meetings', { body });
    },
    { invalidate: [ALL], success: t('deskDelib.saved'), form, onDone: (m) => navigate(`/meetings/${m.id}`) },
  );
  return (
    <FormDialog
      title={t('deskDelib.meetings.new')}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ kind: 'property_day', time: '14:30' }}
      width={620}
    >
      <Form.Item name="kind" label={t('deskDelib.meetings.kind')} rules={[{ required: true }]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`deskDelib.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="estateId" label={t('deskDelib.meetings.estate')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={(estates.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
      </Form.Item>
      <Form.Item name="title" label={t('deskDelib.meetings.meeting')} rules={[{ required: true }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item label={t('deskDelib.meetings.when')} required>
        <Space.Compact className="fq-full">
          <Form.Item name="date" noStyle rules={[{ required: true }]}>
            <Input type="date" style={{ width: '60%' }} />
          </Form.Item>
          <Form.Item name="time" noStyle rules={[{ required: true }]}>
            <Input type="time" style={{ width: '40%' }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="place" label={t('deskDelib.meetings.place')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="topicIds" label={t('deskDelib.meetings.topics')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={(topics.data?.items ?? [])
            .filter((o) => !estateId || o.estateId === estateId)
            .map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }))}
        />
      </Form.Item>
    </FormDialog>
  );
}

/** A resolution with who carries it out and by when; by default its follow-up task opens as a case. */
export function ResolutionDialog({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResolutionBody>();
  const save = useDeskMutation((body: ResolutionBody) => api(`/api/deliberation/meetings/${meeting.id}/resolutions`, { body }), {
    invalidate: [ALL],
    success: t('deskDelib.saved'),
    form,
    onDone: onClose,
  });
  return (
    <FormDialog
      title={t('deskDelib.meeting.addResolution')}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ followUp: true, ...(meeting.agenda[0] ? { topicId: meeting.agenda[0].topicId } : {}) }}
    >
      <Form.Item name="topicId" label={t('deskDelib.meeting.topic')}>
        <Select allowClear options={meeting.agenda.map((a) => ({ value: a.topicId, label: `${a.number} ${a.title}` }))} />
      </Form.Item>
      <Form.Item name="text" label={t('deskDelib.meeting.resolutionText')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="ownerParty" label={t('deskDelib.meeting.ownerParty')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('deskDelib.meeting.dueOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="followUp" label={t('deskDelib.meeting.followUp')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}
