import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { DISPUTE_STATES, DISPUTE_TYPES, type DisputeSummary, LEVELS, RISK_LEVELS } from '../../shared/mediation-types.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { RiskTag } from '../mediation/DisputeTags.tsx';
import { disputeColumns } from '../mediation/dispute-columns.tsx';
import '../mediation/messages.ts';
import { type DisputeFilters, useDisputes } from '../mediation/mediation-data.ts';
import { OpenDisputeDrawer } from '../mediation/OpenDisputeDrawer.tsx';

/** Dispute files of the reader's area, newest first, by state, type, level and risk; opening a new one. */
export default function DisputesPage() {
  const { t, date, number } = useI18n();
  const { data: me } = useMe();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<DisputeFilters>({});
  const disputes = useDisputes(filters);
  const columns = disputeColumns<DisputeSummary>(t, number);
  const rows = disputes.data?.pages.flatMap((page) => page.items) ?? [];
  const fromCase = params.get('caseId') ?? undefined;
  const opening = params.has('open') || fromCase !== undefined;
  const setOpening = (open: boolean) => setParams(open ? { open: '1' } : {});
  const filter = <K extends keyof DisputeFilters>(key: K, values: readonly string[], label: string) => (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 150 }}
      value={filters[key]}
      onChange={(value) => setFilters((current) => ({ ...current, [key]: value }))}
      options={values.map((value) => ({ value, label: t(`deskMediation.${key === 'riskLevel' ? 'risk' : key}.${value}`) }))}
    />
  );

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskMediation.title')}</Typography.Title>
        {hasPermission(me, 'mediation.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('deskMediation.list.open')}
          </Button>
        )}
      </div>
      <Space className="fq-toolbar" wrap>
        <AreaTreeSelect
          value={filters.nodeId}
          onChange={(nodeId) => setFilters((current) => ({ ...current, nodeId }))}
          allowClear
          prefix={t('deskMediation.area')}
          aria-label={t('deskMediation.area')}
          style={{ width: 280 }}
        />
        {filter('state', DISPUTE_STATES, t('deskMediation.list.filterState'))}
        {filter('type', DISPUTE_TYPES, t('deskMediation.list.filterType'))}
        {filter('level', LEVELS, t('deskMediation.list.filterLevel'))}
        {filter('riskLevel', RISK_LEVELS, t('deskMediation.list.filterRisk'))}
      </Space>
      <Table<DisputeSummary>
        rowKey="id"
        size="middle"
        loading={disputes.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskMediation.list.none') }}
        onRow={(row) => ({ onClick: () => navigate(`/disputes/${row.id}`), className: 'fq-clickable' })}
        columns={[
          columns.number,
          columns.dispute,
          columns.level,
          columns.state,
          { key: 'risk', title: t('deskMediation.list.risk'), render: (_, row) => <RiskTag risk={row.riskLevel} /> },
          columns.people,
          { key: 'amount', title: t('deskMediation.list.amount'), align: 'right', render: (_, row) => number(row.amount) },
          {
            key: 'opened',
            title: t('deskMediation.list.opened'),
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                {date(row.openedAt)}
                <Typography.Text type="secondary">{t('deskMediation.list.days', { days: row.daysOpen })}</Typography.Text>
              </Space>
            ),
          },
        ]}
      />
      {disputes.hasNextPage && (
        <div className="fq-load-more">
          <Button loading={disputes.isFetchingNextPage} onClick={() => disputes.fetchNextPage()}>
            {t('deskMediation.list.more')}
          </Button>
        </div>
      )}
      {opening && <OpenDisputeDrawer caseId={fromCase} onClose={() => setOpening(false)} />}
    </div>
  );
}
