import { Table, Tag, Typography } from 'antd';
import { Link } from 'wouter';
import type { Vote } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useVotes } from '../deliberation/delib-data.ts';
import '../deliberation/messages.ts';

/** Owner votes of my area: open ones with their turnout so far, closed ones with their result. */
export default function VotesPage() {
  const { t, dateTime } = useI18n();
  const votes = useVotes();
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskDelib.votes.title')}</Typography.Title>
      </div>
      <Table<Vote>
        rowKey="id"
        loading={votes.isLoading}
        dataSource={votes.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskDelib.votes.empty') }}
        columns={[
          { title: t('deskDelib.votes.number'), dataIndex: 'number', width: 110 },
          { title: t('deskDelib.votes.vote'), key: 'title', render: (_, v) => <Link href={`/votes/${v.id}`}>{v.title}</Link> },
          {
            title: t('deskDelib.votes.estate'),
            key: 'estate',
            render: (_, v) => [v.estateName, v.buildingName].filter(Boolean).join(' '),
          },
          { title: t('deskDelib.votes.rule'), key: 'rule', render: (_, v) => t(`deskDelib.weighting.${v.weighting}`) },
          {
            title: t('deskDelib.votes.turnout'),
            key: 'turnout',
            width: 100,
            align: 'right',
            render: (_, v) => `${Math.round(v.tally.turnout * 100)}%`,
          },
          { title: t('deskDelib.votes.closes'), key: 'closes', width: 170, render: (_, v) => dateTime(v.closesAt) },
          {
            title: t('deskDelib.votes.result'),
            key: 'result',
            width: 110,
            render: (_, v) =>
              v.result ? (
                <Tag color={v.result === 'passed' ? 'green' : 'red'}>{t(`deskDelib.result.${v.result}`)}</Tag>
              ) : (
                <Tag color="blue">{t('deskDelib.votes.open')}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
