import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import type { Electorate, Vote } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { DetailError } from '../DetailError.tsx';
import { ALL, useElectorate, useVote } from '../deliberation/delib-data.ts';
import { VoteTally } from '../deliberation/VoteTally.tsx';
import '../deliberation/messages.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';

/** One owner vote: its rule and live count; staff enter paper ballots household by household and close it. */
export default function VotePage() {
  const { id } = useParams<{ id: string }>();
  const { t, dateTime } = useI18n();
  const { modal } = App.useApp();
  const { data: vote, error } = useVote(id);
  const close = useDeskMutation(() => api(`/api/deliberation/votes/${id}/close`, { method: 'POST' }), {
    invalidate: [ALL],
    success: t('deskDelib.saved'),
  });
  const back = (
    <Link href="/votes" className="fq-back">
      <ArrowLeftOutlined /> {t('deskDelib.vote.back')}
    </Link>
  );
  if (error) return <DetailError error={error} back={back} notFound={t('deskDelib.vote.notFound')} />;
  if (!vote) return <Skeleton active className="fq-page" />;
  const open = vote.status === 'open';
  return (
    <div className="fq-page">
      {back}
      <div className="fq-page-header">
        <div className="fq-case-heading">
          <Typography.Text type="secondary" className="fq-case-number">
            {vote.number} · {vote.estateName} {vote.buildingName ?? ''}
          </Typography.Text>
          <Typography.Title level={3}>{vote.title}</Typography.Title>
          <Space size={4} wrap>
            {vote.result ? (
              <Tag color={vote.result === 'passed' ? 'green' : 'red'}>{t(`deskDelib.result.${vote.result}`)}</Tag>
            ) : (
              <Tag color="blue">{t('deskDelib.votes.open')}</Tag>
            )}
            <Typography.Text type="secondary">
              {dateTime(vote.opensAt)} – {dateTime(vote.closesAt)}
            </Typography.Text>
            {vote.topicId && <Link href={`/topics/${vote.topicId}`}>{vote.topicTitle}</Link>}
          </Space>
        </div>
        {vote.canManage && open && (
          <Button
            type="primary"
            danger
            loading={close.isPending}
            onClick={() => modal.confirm({ title: t('deskDelib.vote.closeConfirm'), onOk: () => close.mutateAsync(undefined) })}
          >
            {t('deskDelib.vote.close')}
          </Button>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card variant="borderless">
            <VoteTally vote={vote} />
          </Card>
        </Col>
        {vote.canManage && (
          <Col xs={24} xl={12}>
            <Card title={t('deskDelib.vote.paper')} variant="borderless">
              <PaperBallots vote={vote} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}

/** Every household of the electorate, whether it voted and by which channel; an unvoted one takes a paper ballot. */
function PaperBallots({ vote }: { vote: Vote }) {
  const { t } = useI18n();
  const households = useElectorate(vote.id, true);
  const [choice, setChoice] = useState<'yes' | 'no' | 'abstain'>('yes');
  const [household, setHousehold] = useState<string>();
  const enter = useDeskMutation(
    () => api(`/api/deliberation/votes/${vote.id}/paper-ballots`, { body: { householdId: household, choice } }),
    { invalidate: [ALL], success: t('deskDelib.saved'), onDone: () => setHousehold(undefined) },
  );
  const rows: Electorate['items'] = households.data?.items ?? [];
  const open = vote.status === 'open';
  return (
    <Space orientation="vertical" className="fq-full">
      {open && (
        <Space wrap>
          <Select
            showSearch
            style={{ width: 260 }}
            placeholder={t('deskDelib.vote.household')}
            value={household}
            onChange={setHousehold}
            optionFilterProp="label"
            options={rows.filter((r) => r.votedBy === null).map((r) => ({ value: r.householdId, label: r.label }))}
          />
          <Segmented
            value={choice}
            onChange={(v) => setChoice(v as typeof choice)}
            options={(['yes', 'no', 'abstain'] as const).map((c) => ({ value: c, label: t(`deskDelib.choice.${c}`) }))}
          />
          <Button type="primary" disabled={!household} loading={enter.isPending} onClick={() => enter.mutate(undefined)}>
            {t('deskDelib.vote.paper')}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="householdId"
        loading={households.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('deskDelib.vote.household'), dataIndex: 'label' },
          { title: '㎡', dataIndex: 'areaM2', width: 80, align: 'right' },
          {
            title: t('deskDelib.votes.result'),
            key: 'voted',
            width: 120,
            render: (_, r) =>
              r.votedBy ? (
                <Tag color="green">{t('deskDelib.vote.voted', { channel: t(`deskDelib.channel.${r.votedBy}`) })}</Tag>
              ) : (
                <Tag>{t('deskDelib.vote.notVoted')}</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
