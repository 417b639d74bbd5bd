import { ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { mapLevelFor, useAreaDetail, useBoundaries } from '../geo/geo-queries.ts';
import '../geo/messages.ts';
import { IndicatorMap } from './IndicatorMap.tsx';
import { IndicatorSelect } from './IndicatorSelect.tsx';
import { useBreakdown } from './stats-data.ts';
import type { IndicatorInfo, StatsScope } from './stats-types.ts';

/** The areas below the node coloured by a chosen indicator; a click drills down, the button climbs back. */
export function MapCard({
  scope,
  registry,
  code,
  onCode,
  onNode,
}: {
  scope: StatsScope;
  registry: IndicatorInfo[];
  code: string;
  onCode: (code: string) => void;
  onNode: (nodeId: string) => void;
}) {
  const { t, locale } = useI18n();
  const detail = useAreaDetail(scope.nodeId).data;
  const level = detail ? mapLevelFor(detail.area.level) : undefined;
  const boundaries = useBoundaries(level ? scope.nodeId : undefined, level ?? 'grid');
  const rows = useBreakdown(scope, 'child', locale).data?.rows ?? [];
  const indicator = registry.find((i) => i.code === code);
  const parent = detail?.breadcrumbs.at(-1);
  const also = ['received', 'on_time_rate', 'satisfaction_rate']
    .filter((c) => c !== code)
    .map((c) => registry.find((i) => i.code === c))
    .filter((i): i is IndicatorInfo => i !== undefined);
  return (
    <Card
      variant="borderless"
      className="fq-gap"
      title={t('stats.map')}
      extra={
        <Space>
          <IndicatorSelect registry={registry} aria-label={t('stats.mapBy')} value={code} onChange={onCode} />
          <Button size="small" icon={<ArrowUpOutlined />} disabled={!parent} onClick={() => parent && onNode(parent.id)}>
            {t('stats.up')}
          </Button>
        </Space>
      }
    >
      {boundaries.data && indicator && boundaries.data.features.length > 0 ? (
        <div className="fq-stats-map">
          <Typography.Text type="secondary">{t('stats.drillHint')}</Typography.Text>
          <IndicatorMap
            mapKey={`${scope.nodeId}-${level}`}
            boundaries={boundaries.data}
            rows={rows}
            indicator={indicator}
            also={also}
            height={460}
            onAreaClick={(id) => detail?.area.level !== 'grid' && onNode(id)}
          />
        </div>
      ) : (
        <Empty description={t('stats.noData')} />
      )}
    </Card>
  );
}
