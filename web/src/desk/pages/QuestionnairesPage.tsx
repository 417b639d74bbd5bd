import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import {
  ANSWER_PER,
  type AreaChoice,
  type Questionnaire,
  type QuestionnaireBody,
  type QuestionnaireSummary,
} from '../../shared/volunteer-types.ts';
import { ALL, useQuestionnaires } from '../community/community-data.ts';
import '../community/messages.ts';
import { type EditedQuestion, QuestionEditor } from '../community/QuestionEditor.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';

export const Q_STATE_COLOR = { draft: 'default', published: 'green', closed: 'blue' } as const;

/** Questionnaires of the reader's area with their versions and answers; drawing up a new one. */
export default function QuestionnairesPage() {
  const { t, dateTime } = useI18n();
  const { data: me } = useMe();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const list = useQuestionnaires();
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCommunity.questionnaires.title')}</Typography.Title>
        {hasPermission(me, 'questionnaires.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('deskCommunity.questionnaires.add')}
          </Button>
        )}
      </div>
      <Table<QuestionnaireSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('deskCommunity.questionnaires.none') }}
        onRow={(row) => ({ onClick: () => navigate(`/questionnaires/${row.id}`), className: 'fq-clickable' })}
        columns={[
          { key: 'title', title: t('deskCommunity.questionnaires.name'), dataIndex: 'title' },
          { key: 'node', title: t('deskCommunity.questionnaires.area'), dataIndex: 'nodeName' },
          {
            key: 'per',
            title: t('deskCommunity.questionnaires.per'),
            render: (_, q) => t(`deskCommunity.answerPer.${q.answerPer}`),
          },
          {
            key: 'version',
            title: t('deskCommunity.questionnaires.current'),
            render: (_, q) => (q.currentVersion ? t('deskCommunity.questionnaires.version', { n: q.currentVersion }) : '—'),
          },
          { key: 'versions', title: t('deskCommunity.questionnaires.versions'), align: 'right', dataIndex: 'versions' },
          { key: 'responses', title: t('deskCommunity.questionnaires.responses'), align: 'right', dataIndex: 'responses' },
          {
            key: 'state',
            title: t('deskCommunity.questionnaires.state'),
            render: (_, q) => <Tag color={Q_STATE_COLOR[q.state]}>{t(`deskCommunity.questionnaireState.${q.state}`)}</Tag>,
          },
          { key: 'updated', title: t('deskCommunity.questionnaires.updated'), render: (_, q) => dateTime(q.updatedAt) },
        ]}
      />
      {adding && <CreateDialog onClose={() => setAdding(false)} onCreated={(q) => navigate(`/questionnaires/${q.id}`)} />}
    </div>
  );
}

interface CreateValues {
  nodeId: string;
  answerPer: QuestionnaireBody['answerPer'];
  title: string;
  intro?: string;
  questions: EditedQuestion[];
  publish: boolean;
}

function CreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (q: Questionnaire) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CreateValues>();
  const areas = useQuery({
    queryKey: ['desk-community', 'areas'],
    queryFn: () => api<{ items: AreaChoice[] }>('/api/volunteers/areas').then((r) => r.items),
  });
  const save = useDeskMutation(
    (values: CreateValues) => api<Questionnaire>('/api/questionnaires', { body: { ...values, intro: values.intro ?? '' } }),
    {
      invalidate: [ALL],
      form,
      success: t('deskCommunity.saved'),
      onDone: onCreated,
    },
  );
  return (
    <FormDialog
      title={t('deskCommunity.questionnaires.add')}
      form={form}
      width={760}
      onFinish={(values) => save.mutate(values)}
      onClose={onClose}
      saving={save.isPending}
      initialValues={{
        answerPer: 'resident',
        publish: true,
        questions: [
          {
            key: 'q1',
            kind: 'single',
            title: '',
            required: true,
            options: [
              { key: 'a', label: '' },
              { key: 'b', label: '' },
            ],
          },
        ],
      }}
    >
      <Form.Item name="nodeId" label={t('deskCommunity.questionnaires.area')} rules={[{ required: true }]}>
        <Select options={(areas.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="answerPer" label={t('deskCommunity.questionnaires.per')}>
        <Radio.Group options={ANSWER_PER.map((value) => ({ value, label: t(`deskCommunity.answerPer.${value}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('deskCommunity.questionnaires.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="intro" label={t('deskCommunity.questionnaires.intro')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <QuestionEditor form={form} />
      <Form.Item name="publish" valuePropName="checked" className="fq-gap-top">
        <Checkbox>{t('deskCommunity.questionnaires.publishNow')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
