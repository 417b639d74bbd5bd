import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { exportUrl } from './stats-data.ts';
import type { StatsScope } from './stats-types.ts';

/** A table of figures as xlsx or CSV, with the same scope and period as on screen. */
export function ExportMenu({
  scope,
  table,
}: {
  scope: StatsScope;
  table: 'figures' | 'trend' | 'category' | 'child' | 'organisation';
}) {
  const { t, locale } = useI18n();
  return (
    <Dropdown
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: (
            <a href={exportUrl(scope, table, format, locale)} download data-testid={`export-${table}-${format}`}>
              {format === 'xlsx' ? 'Excel (xlsx)' : 'CSV (UTF-8)'}
            </a>
          ),
        })),
      }}
    >
      <Button size="small" icon={<DownloadOutlined />}>
        {t('stats.export')}
      </Button>
    </Dropdown>
  );
}
