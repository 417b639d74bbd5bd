import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { CARE_GROUPS, CARE_RISKS, type CareFileSummary, DUE_STATUSES } from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { CareExportButton } from '../care/CareExportButton.tsx';
import { CareRiskTag, DueTag, GroupTags } from '../care/CareTags.tsx';
import { type CareFilters, useCareFiles } from '../care/care-data.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import '../care/messages.ts';
import { OpenFileDialog } from '../care/OpenFileDialog.tsx';

/** Care files of the reader's area, the most urgent visit first, masked: a file is opened (and audited) one at a time. */
export default function CareFilesPage() {
  const { t, date } = useI18n();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<CareFilters>({});
  const [opening, setOpening] = useState(false);
  const files = useCareFiles(filters);
  const rows = files.data?.pages.flatMap((page) => page.items) ?? [];
  const set = <K extends keyof CareFilters>(key: K, value: CareFilters[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const select = (key: 'group' | 'riskLevel' | 'due', values: readonly string[], label: string, prefix: string) => (
    <Select
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 150 }}
      value={filters[key]}
      onChange={(value) => set(key, value)}
      options={values.map((value) => ({ value, label: t(`deskCare.${prefix}.${value}`) }))}
    />
  );

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCare.title')}</Typography.Title>
        <Space>
          <CareExportButton filters={filters} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('deskCare.new')}
          </Button>
        </Space>
      </div>
      <Alert className="fq-gap" type="warning" showIcon icon={<LockOutlined />} title={t('deskCare.sensitive')} />
      <Space className="fq-toolbar" wrap>
        <AreaTreeSelect
          value={filters.nodeId}
          onChange={(nodeId) => set('nodeId', nodeId)}
          allowClear
          prefix={t('deskCare.area')}
          aria-label={t('deskCare.area')}
          style={{ width: 260 }}
        />
        {select('group', CARE_GROUPS, t('deskCare.filterGroup'), 'group')}
        {select('riskLevel', CARE_RISKS, t('deskCare.filterRisk'), 'risk')}
        {select('due', DUE_STATUSES, t('deskCare.filterDue'), 'due')}
        <Select
          aria-label={t('deskCare.filterStatus')}
          style={{ width: 110 }}
          value={filters.status ?? 'active'}
          onChange={(value) => set('status', value)}
          options={(['active', 'closed'] as const).map((value) => ({ value, label: t(`deskCare.status.${value}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('deskCare.search')}
          placeholder={t('deskCare.search')}
          style={{ width: 200 }}
          onSearch={(q) => set('q', q.trim() || undefined)}
        />
      </Space>
      <Table<CareFileSummary>
        rowKey="id"
        size="middle"
        loading={files.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('deskCare.none') }}
        onRow={(row) => ({ onClick: () => navigate(`/care/${row.id}`), className: 'fq-clickable' })}
        columns={[
          { key: 'number', title: t('deskCare.col.number'), dataIndex: 'number', width: 130 },
          { key: 'name', title: t('deskCare.col.name'), dataIndex: 'name' },
          { key: 'age', title: t('deskCare.col.age'), dataIndex: 'age', align: 'right', width: 70 },
          { key: 'groups', title: t('deskCare.col.groups'), render: (_, row) => <GroupTags groups={row.groups} /> },
          { key: 'risk', title: t('deskCare.col.risk'), render: (_, row) => <CareRiskTag risk={row.riskLevel} /> },
          { key: 'grid', title: t('deskCare.col.grid'), dataIndex: 'gridName' },
          { key: 'building', title: t('deskCare.col.building'), dataIndex: 'buildingName' },
          { key: 'last', title: t('deskCare.col.lastVisit'), render: (_, row) => date(row.lastVisitDate) || '—' },
          {
            key: 'due',
            title: t('deskCare.col.nextDue'),
            render: (_, row) => <DueTag status={row.dueStatus} date={row.nextDueDate} />,
          },
        ]}
      />
      {files.hasNextPage && (
        <div className="fq-load-more">
          <Button loading={files.isFetchingNextPage} onClick={() => files.fetchNextPage()}>
            {t('deskCare.more')}
          </Button>
        </div>
      )}
      {opening && (
        <OpenFileDialog
          onClose={() => setOpening(false)}
          onOpened={(file) => {
            setOpening(false);
            navigate(`/care/${file.id}`);
          }}
        />
      )}
    </div>
  );
}
