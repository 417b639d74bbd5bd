import { Form, Input, InputNumber, Select } from 'antd';
import { api } from '../../shared/api.ts';
import type { FundLineBody, StepAction, StepBody, Topic, VoteBody } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useTopics } from './delib-data.ts';

export type TopicDialog = { kind: 'step'; action: StepAction } | { kind: 'vote' } | { kind: 'fund' };

const PRESETS = {
  major: { weighting: 'household_and_area', quorum: [2, 3], pass: [3, 4], passBase: 'participating', passStrict: false },
  ordinary: { weighting: 'household_and_area', quorum: [2, 3], pass: [1, 2], passBase: 'participating', passStrict: true },
  building: { weighting: 'household', quorum: [1, 2], pass: [2, 3], passBase: 'electorate', passStrict: false },
} as const;

/** The forms a topic's page opens: a step with what it records, an owner vote, money spent. */
export function TopicDialogs({ topic, dialog, onClose }: { topic: Topic; dialog: TopicDialog; onClose: () => void }) {
  if (dialog.kind === 'vote') return <VoteDialog topic={topic} onClose={onClose} />;
  if (dialog.kind === 'fund') return <FundDialog topic={topic} onClose={onClose} />;
  return <StepDialog topic={topic} action={dialog.action} onClose={onClose} />;
}

function StepDialog({ topic, action, onClose }: { topic: Topic; action: StepAction; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<StepBody>();
  const others = useTopics({ open: 'true' });
  const save = useDeskMutation(
    (body: StepBody) =>
      api(`/api/deliberation/topics/${topic.id}/step`, { body: { ...body, action, expectedVersion: topic.version } }),
    {
      invalidate: [ALL],
      success: t('deskDelib.saved'),
      form,
      onDone: onClose,
    },
  );
  return (
    <FormDialog
      title={t(`deskDelib.action.${action}`)}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
    >
      {action === 'conclude' && (
        <Form.Item name="conclusion" label={t('deskDelib.topic.conclusion')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      )}
      {action === 'act' && (
        <>
          <Form.Item name="actionPlan" label={t('deskDelib.topic.actionPlan')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="actionParty" label={t('deskDelib.topic.actionParty')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      {(action === 'send_back' || action === 'decline') && (
        <Form.Item name="reason" label={t('deskDelib.topic.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      )}
      {action === 'merge' && (
        <Form.Item name="targetTopicId" label={t('deskDelib.topic.target')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(others.data?.items ?? [])
              .filter((o) => o.id !== topic.id && o.estateId === topic.estateId)
              .map((o) => ({ value: o.id, label: `${o.number} ${o.title}` }))}
          />
        </Form.Item>
      )}
    </FormDialog>
  );
}

interface VoteForm {
  title: string;
  preset: keyof typeof PRESETS;
  /** A local date: the vote closes at the end of it, Beijing time. */
  closesOn: string;
}

function VoteDialog({ topic, onClose }: { topic: Topic; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<VoteForm>();
  const save = useDeskMutation(
    (v: VoteForm) => {
      const p = PRESETS[v.preset];
      const body: VoteBody = {
        topicId: topic.id,
        title: v.title,
        weighting: p.weighting,
        quorum: { num: p.quorum[0], den: p.quorum[1] },
        pass: { num: p.pass[0], den: p.pass[1] },
        passBase: p.passBase,
        passStrict: p.passStrict,
        closesAt: new Date(`${v.closesOn}T23:59:00+08:00`).toISOString(),
      };
      return api('/api/deliberation/votes', { body });
    },
    { invalidate: [ALL], success: t('deskDelib.saved'), form, onDone: onClose },
  );
  return (
    <FormDialog
      title={t('deskDelib.topic.openVote')}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{ title: topic.title, preset: topic.buildingId ? 'building' : 'major' }}
    >
      <Form.Item name="title" label={t('deskDelib.vote.title')} rules={[{ required: true }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="preset" label={t('deskDelib.vote.preset')} rules={[{ required: true }]}>
        <Select
          options={(Object.keys(PRESETS) as (keyof typeof PRESETS)[]).map((k) => ({
            value: k,
            label: t(`deskDelib.vote.presets.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="closesOn"
        label={t('deskDelib.vote.closesAt')}
        rules={[{ required: true }]}
        extra={topic.buildingId ? t('deskDelib.vote.building') : undefined}
      >
        <Input type="date" />
      </Form.Item>
    </FormDialog>
  );
}

interface FundForm {
  source: FundLineBody['source'];
  amountYuan: number;
  spentOn: string;
  paidOn: string;
  receiptPhotoIds: string[];
}

function FundDialog({ topic, onClose }: { topic: Topic; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FundForm>();
  const save = useDeskMutation(
    (v: FundForm) =>
      api('/api/deliberation/funds', {
        body: {
          topicId: topic.id,
          source: v.source,
          amountFen: Math.round(v.amountYuan * 100),
          spentOn: v.spentOn,
          paidOn: v.paidOn,
          receiptPhotoIds: v.receiptPhotoIds ?? [],
        } satisfies FundLineBody,
      }),
    { invalidate: [ALL], success: t('deskDelib.saved'), form, onDone: onClose },
  );
  const sources = ['maintenance_fund', 'public_revenue', 'street_budget', 'property_company', 'owners', 'donation'];
  return (
    <FormDialog
      title={t('deskDelib.topic.addFundLine')}
      form={form}
      onFinish={(v) => save.mutate(v)}
      onClose={onClose}
      saving={save.isPending}
    >
      <Form.Item name="source" label={t('deskDelib.funds.source')} rules={[{ required: true }]}>
        <Select options={sources.map((s) => ({ value: s, label: t(`deskDelib.source.${s}`) }))} />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('deskDelib.funds.amount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="spentOn" label={t('deskDelib.funds.spentOn')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('deskDelib.funds.paidOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="receiptPhotoIds" label={t('deskDelib.funds.receipts')}>
        <PhotoUpload />
      </Form.Item>
    </FormDialog>
  );
}
