import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import type { CaseSummary } from '../../shared/types.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { useCaseColumns } from '../cases/case-columns.tsx';
import { useCaseList } from '../cases/case-data.ts';
import { UrgeButton } from '../cases/UrgeButton.tsx';
import { type OverdueGroup, useOverdueGroups } from '../cases/use-overdue-groups.ts';
import '../cases/messages.ts';

/** As many as one screen of supervision holds; past that the table (linked) takes over. */
const LIMIT = 100;

/** The overdue and about-to-be-overdue cases under one area, grouped by grid or community, each with Urge. */
export default function OverduePage() {
  const { t, number } = useI18n();
  const { data: me } = useMe();
  const [nodeId, setNodeId] = useState<string>();
  const home = me?.roles.find((role) => role.nodeId)?.nodeId ?? undefined;
  useEffect(() => setNodeId((current) => current ?? home), [home]);
  const overdue = useCaseList({ deadline: 'overdue', nodeId, sort: 'deadline' }, LIMIT);
  const warning = useCaseList({ deadline: 'warning', nodeId, sort: 'deadline' }, LIMIT);
  const overdueItems = overdue.data?.pages[0]?.items ?? [];
  const warningItems = warning.data?.pages[0]?.items ?? [];
  const groups = useOverdueGroups(nodeId, overdueItems, warningItems);
  const columns = [
    ...useCaseColumns(['number', 'title', 'state', 'deadline', 'assignee']),
    {
      key: 'urge',
      title: t('deskCases.overdue.supervise'),
      width: 110,
      render: (_: unknown, item: CaseSummary) => <UrgeButton item={item} />,
    },
  ];
  const more = overdue.hasNextPage || warning.hasNextPage;
  const error = overdue.error ?? warning.error;
  const loading = overdue.isLoading || warning.isLoading;

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCases.overdue.title')}</Typography.Title>
        <AreaTreeSelect
          value={nodeId}
          onChange={(next) => setNodeId(next ?? home)}
          prefix={t('deskCases.filters.area')}
          aria-label={t('deskCases.filters.area')}
          style={{ width: 320 }}
        />
      </div>
      <Row gutter={16} className="fq-gap">
        {[
          { key: 'overdue', value: overdueItems.length, color: '#cf1322', more: overdue.hasNextPage },
          { key: 'warning', value: warningItems.length, color: '#d46b08', more: warning.hasNextPage },
          { key: 'groups', value: groups.length, color: undefined, more: false },
          {
            key: 'urged',
            value: [...overdueItems, ...warningItems].filter((item) => item.urgeCount > 0).length,
            color: undefined,
            more: false,
          },
        ].map((stat) => (
          <Col span={6} key={stat.key}>
            <Card variant="borderless">
              <Statistic
                title={t(`deskCases.overdue.stat.${stat.key}`)}
                value={`${number(stat.value)}${stat.more ? '+' : ''}`}
                styles={{ content: { color: stat.color } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, error)} />}
      {more && (
        <Alert
          className="fq-gap"
          type="info"
          showIcon
          title={
            <Link href={`/${query({ deadline: 'overdue', nodeId, sort: 'deadline' })}`}>
              {t('deskCases.overdue.more', { limit: LIMIT })}
            </Link>
          }
        />
      )}
      {loading ? (
        <Skeleton active />
      ) : groups.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('deskCases.overdue.none')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} className="fq-full">
          {groups.map((group) => (
            <Card key={group.key} variant="borderless" title={<GroupTitle group={group} />} className="fq-overdue-group">
              <Table<CaseSummary>
                rowKey="id"
                size="small"
                tableLayout="fixed"
                pagination={false}
                columns={columns}
                dataSource={group.items}
                rowClassName={(item) => (item.deadline.status === 'overdue' ? 'fq-row-overdue' : '')}
              />
            </Card>
          ))}
        </Space>
      )}
    </div>
  );
}

function GroupTitle({ group }: { group: OverdueGroup }) {
  const { t } = useI18n();
  return (
    <Space size={12}>
      <span>{group.name}</span>
      {group.overdue > 0 && <Tag color="error">{t('deskCases.overdue.overdueCount', { count: group.overdue })}</Tag>}
      {group.warning > 0 && <Tag color="warning">{t('deskCases.overdue.warningCount', { count: group.warning })}</Tag>}
    </Space>
  );
}
