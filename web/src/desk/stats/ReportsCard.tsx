import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Segmented, Space, Table } from 'antd';
import { useState } from 'react';
import { errorMessage, TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import { useProduceReport, useReports } from './stats-data.ts';
import type { Report } from './stats-types.ts';

const lastMonth = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};

/** Monthly reports: produce the chosen area's month now; every stored one to download as PDF or xlsx. */
export function ReportsCard({ nodeId }: { nodeId: string | undefined }) {
  const { t, locale, dateTime } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(lastMonth);
  const [lang, setLang] = useState<string>(locale);
  const reports = useReports();
  const produce = useProduceReport();
  return (
    <Card
      variant="borderless"
      className="fq-gap"
      title={t('stats.reports')}
      extra={
        <Space wrap>
          <Input
            type="month"
            aria-label={t('stats.month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            style={{ width: 150 }}
            size="small"
          />
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(String(v))}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button
            type="primary"
            size="small"
            loading={produce.isPending}
            disabled={!nodeId || !month}
            onClick={() =>
              nodeId &&
              produce.mutate(
                { nodeId, month, lang },
                {
                  onSuccess: (report) => message.success(t('stats.produced', { name: report.node.name, month: report.month })),
                  onError: (error) => message.error(errorMessage(t, error)),
                },
              )
            }
          >
            {t('stats.produce')}
          </Button>
        </Space>
      }
    >
      <Table<Report>
        rowKey="id"
        size="small"
        loading={reports.isFetching}
        dataSource={reports.data?.items ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { key: 'month', title: t('stats.month'), dataIndex: 'month' },
          { key: 'node', title: t('stats.node'), render: (_, r) => r.node.name },
          { key: 'lang', title: t('stats.language'), render: (_, r) => (r.lang === 'en' ? 'English' : '中文') },
          { key: 'at', title: t('stats.producedAt'), render: (_, r) => dateTime(r.producedAt) },
          { key: 'by', title: t('stats.producedBy'), render: (_, r) => r.producedBy ?? t('stats.byJob') },
          {
            key: 'files',
            title: t('stats.files'),
            render: (_, r) => (
              <Space>
                <Button size="small" icon={<FilePdfOutlined />} href={`/api/stats/reports/${r.id}/pdf`} target="_blank">
                  PDF
                </Button>
                <Button size="small" icon={<FileExcelOutlined />} href={`/api/stats/reports/${r.id}/xlsx`}>
                  xlsx
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
