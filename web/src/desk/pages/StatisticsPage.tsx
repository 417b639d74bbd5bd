import { Alert, Breadcrumb, Button, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { useAreaDetail } from '../geo/geo-queries.ts';
import { CategoryTable, ChildRanking, OrganisationRanking } from '../stats/BreakdownTables.tsx';
import { ExportMenu } from '../stats/ExportMenu.tsx';
import { KpiCards } from '../stats/KpiCards.tsx';
import { MapCard } from '../stats/MapCard.tsx';
import { ReportsCard } from '../stats/ReportsCard.tsx';
import { StatsScopeBar, useStatsScope } from '../stats/StatsScopeBar.tsx';
import { useIndicatorFigures, useRegistry } from '../stats/stats-data.ts';
import { TrendCard } from '../stats/TrendCard.tsx';
import '../stats/messages.ts';
import '../stats/stats.css';

/**
 * /desk/statistics: every indicator of any node and period, from the rollups: KPI cards against the
 * previous period, the trend, categories, rankings of areas and organisations, the map coloured by
 * any indicator with drill-down, exports, and the monthly reports.
 */
export default function StatisticsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const state = useStatsScope(params.get('nodeId'));
  const { scope } = state;
  const [mapCode, setMapCode] = useState(params.get('map') ?? 'on_time_rate');
  const registry = useRegistry().data?.items ?? [];
  const figures = useIndicatorFigures(scope);
  const detail = useAreaDetail(scope.nodeId).data;
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('stats.title')}</Typography.Title>
        <StatsScopeBar state={state} />
      </div>
      {detail && (
        <Breadcrumb
          className="fq-gap"
          items={[...detail.breadcrumbs, { id: detail.area.id, name: detail.area.name }].map((crumb) => ({
            key: crumb.id,
            title:
              crumb.id === detail.area.id ? (
                crumb.name
              ) : (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => state.set({ nodeId: crumb.id })}>
                  {crumb.name}
                </Button>
              ),
          }))}
        />
      )}
      {figures.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, figures.error)} />}
      {figures.data && (
        <Typography.Paragraph type="secondary">
          {t('stats.spanOf', figures.data.span)} · <ExportMenu scope={scope} table="figures" />
        </Typography.Paragraph>
      )}
      <KpiCards registry={registry} figures={figures.data} loading={figures.isLoading} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <MapCard
            scope={scope}
            registry={registry}
            code={mapCode}
            onCode={setMapCode}
            onNode={(nodeId) => state.set({ nodeId })}
          />
        </Col>
        <Col xs={24} xl={12}>
          <TrendCard scope={scope} registry={registry} />
        </Col>
      </Row>
      {detail && detail.area.level !== 'grid' && <ChildRanking scope={scope} registry={registry} level={detail.area.level} />}
      <CategoryTable scope={scope} registry={registry} />
      <OrganisationRanking scope={scope} registry={registry} />
      <ReportsCard nodeId={scope.nodeId} />
    </div>
  );
}
