import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { DraftBody, Questionnaire } from '../../shared/volunteer-types.ts';
import { ALL, useQuestionnaire, useResults } from '../community/community-data.ts';
import '../community/messages.ts';
import { type EditedQuestion, QuestionEditor } from '../community/QuestionEditor.tsx';
import { ResultCharts } from '../community/ResultCharts.tsx';
import { DetailError } from '../DetailError.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { Q_STATE_COLOR } from './QuestionnairesPage.tsx';

/** A version's colour in the charts, so version 1 and version 2 are told apart at a glance. */
const VERSION_COLORS = ['#8c8c8c', '#c0392b', '#fa8c16', '#1677ff', '#52c41a', '#722ed1'];

/** One questionnaire: the draft of the next version, publishing it, the history of versions, and the results of each. */
export default function QuestionnairePage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const questionnaire = useQuestionnaire(id);
  const back = (
    <Link href="/questionnaires">
      <ArrowLeftOutlined /> {t('deskCommunity.questionnaires.title')}
    </Link>
  );
  if (questionnaire.isError)
    return <DetailError error={questionnaire.error} back={back} notFound={t('deskCommunity.questionnaires.notFound')} />;
  if (!questionnaire.data) return <div className="fq-page">{back}</div>;
  return <QuestionnaireView q={questionnaire.data} back={back} />;
}

function QuestionnaireView({ q, back }: { q: Questionnaire; back: React.ReactNode }) {
  const { t, locale, dateTime } = useI18n();
  const results = useResults(q.id);
  const publish = useDeskMutation(() => api(`/api/questionnaires/${q.id}/publish`, { method: 'POST' }), {
    invalidate: [ALL],
    success: t('deskCommunity.questionnaires.published'),
  });
  const close = useDeskMutation(() => api(`/api/questionnaires/${q.id}/close`, { method: 'POST' }), {
    invalidate: [ALL],
    success: t('deskCommunity.saved'),
  });
  const revise = useDeskMutation(
    () =>
      api(`/api/questionnaires/${q.id}/draft`, {
        method: 'PUT',
        body: {
          title: q.current?.title ?? q.title,
          intro: q.current?.intro ?? '',
          questions: q.current?.questions ?? [],
        } satisfies DraftBody,
      }),
    { invalidate: [ALL] },
  );
  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <Typography.Title level={3}>
          {q.title} <Tag color={Q_STATE_COLOR[q.state]}>{t(`deskCommunity.questionnaireState.${q.state}`)}</Tag>
          {q.currentVersion && <Tag>{t('deskCommunity.questionnaires.version', { n: q.currentVersion })}</Tag>}
        </Typography.Title>
        <Space>
          {q.canManage && q.state !== 'closed' && !q.draft && q.current && (
            <Button onClick={() => revise.mutate()} loading={revise.isPending}>
              {t('deskCommunity.questionnaires.revise')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/questionnaires/${q.id}/export.xlsx?lang=${locale}`}>
            {t('deskCommunity.questionnaires.export')}
          </Button>
          {q.canManage && q.state === 'published' && (
            <Button danger onClick={() => close.mutate()}>
              {t('deskCommunity.questionnaires.close')}
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        {q.nodeName} · {t(`deskCommunity.answerPer.${q.answerPer}`)} ·{' '}
        {t('deskCommunity.questionnaires.responsesN', { n: q.responses })}
      </Typography.Paragraph>
      {q.draft && q.canManage && <DraftEditor q={q} onPublish={() => publish.mutate()} publishing={publish.isPending} />}
      <Card size="small" title={t('deskCommunity.questionnaires.history')} className="fq-card-gap">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={q.history}
          columns={[
            {
              key: 'v',
              title: t('deskCommunity.questionnaires.versionCol'),
              render: (_, v) => t('deskCommunity.questionnaires.version', { n: v.version }),
            },
            {
              key: 'state',
              title: t('deskCommunity.questionnaires.state'),
              render: (_, v) => <Tag>{t(`deskCommunity.versionState.${v.state}`)}</Tag>,
            },
            {
              key: 'at',
              title: t('deskCommunity.questionnaires.publishedAt'),
              render: (_, v) => (v.publishedAt ? dateTime(v.publishedAt) : '—'),
            },
            { key: 'n', title: t('deskCommunity.questionnaires.responses'), align: 'right', dataIndex: 'responses' },
            { key: 'note', title: t('deskCommunity.questionnaires.changeNote'), render: (_, v) => v.changeNote ?? '' },
            {
              key: 'changes',
              title: t('deskCommunity.questionnaires.changes'),
              render: (_, v) =>
                v.changes
                  ? t('deskCommunity.questionnaires.changed', {
                      added: v.changes.added.length,
                      removed: v.changes.removed.length,
                      changed: v.changes.changed.length,
                    })
                  : '',
            },
          ]}
        />
      </Card>
      <Typography.Title level={4}>{t('deskCommunity.results.title')}</Typography.Title>
      <div className="fq-versions">
        {(results.data?.versions ?? [])
          .slice()
          .reverse()
          .map((v) => (
            <Card
              key={v.id}
              size="small"
              className="fq-version-card"
              title={
                <Space>
                  <Tag color={VERSION_COLORS[(v.version - 1) % VERSION_COLORS.length]}>
                    {t('deskCommunity.questionnaires.version', { n: v.version })}
                  </Tag>
                  {v.title}
                </Space>
              }
              extra={t('deskCommunity.questionnaires.responsesN', { n: v.responses })}
            >
              <ResultCharts results={v.results} color={VERSION_COLORS[(v.version - 1) % VERSION_COLORS.length] as string} />
            </Card>
          ))}
      </div>
    </div>
  );
}

interface DraftValues {
  title: string;
  intro: string;
  changeNote?: string;
  questions: EditedQuestion[];
}

function DraftEditor({ q, onPublish, publishing }: { q: Questionnaire; onPublish: () => void; publishing: boolean }) {
  const { t } = useI18n();
  const draft = q.draft as NonNullable<Questionnaire['draft']>;
  const [form] = Form.useForm<DraftValues>();
  const save = useDeskMutation(
    (values: DraftValues) => api(`/api/questionnaires/${q.id}/draft`, { method: 'PUT', body: values }),
    {
      invalidate: [ALL],
      form,
      success: t('deskCommunity.questionnaires.draftSaved'),
    },
  );
  return (
    <Card
      size="small"
      className="fq-card-gap fq-draft"
      title={t('deskCommunity.questionnaires.draftOf', { n: draft.version })}
      extra={
        <Space>
          <Button onClick={() => form.submit()} loading={save.isPending}>
            {t('deskCommunity.questionnaires.saveDraft')}
          </Button>
          <Button
            type="primary"
            loading={publishing}
            onClick={async () => {
              await form.validateFields();
              await save.mutateAsync(form.getFieldsValue());
              onPublish();
            }}
          >
            {t('deskCommunity.questionnaires.publish', { n: draft.version })}
          </Button>
        </Space>
      }
    >
      <Form<DraftValues>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        initialValues={{
          title: draft.title,
          intro: draft.intro,
          changeNote: draft.changeNote ?? '',
          questions: draft.questions as EditedQuestion[],
        }}
      >
        <Form.Item name="title" label={t('deskCommunity.questionnaires.name')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="intro" label={t('deskCommunity.questionnaires.intro')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {draft.version > 1 && (
          <Form.Item name="changeNote" label={t('deskCommunity.questionnaires.changeNote')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
        <QuestionEditor form={form} />
      </Form>
    </Card>
  );
}
