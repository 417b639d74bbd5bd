import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { formatChange, formatValue } from './indicator-format.ts';
import type { Figures, IndicatorInfo } from './stats-types.ts';

const TONE = { good: '#389e0d', bad: '#cf1322', neutral: '#8c8c8c' };

/** An indicator's name with its written definition as the tooltip. */
export function IndicatorName({ indicator }: { indicator: IndicatorInfo }) {
  const { locale, t } = useI18n();
  const en = locale === 'en';
  return (
    <Tooltip
      title={
        <div>
          <b>{t('stats.definition')}</b>: {en ? indicator.definition.en : indicator.definition.zh}
        </div>
      }
    >
      <span className="fq-stats-name">
        {en ? indicator.name.en : indicator.name.zh} <InfoCircleOutlined style={{ color: '#8c8c8c', fontSize: 12 }} />
      </span>
    </Tooltip>
  );
}

/** The period's indicators, in their groups, each with its change against the previous period. */
export function KpiCards({
  registry,
  figures,
  loading,
}: {
  registry: IndicatorInfo[];
  figures: Figures | undefined;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const lines = new Map((figures?.indicators ?? []).map((line) => [line.code, line]));
  const groups = [...new Set(registry.map((i) => i.group))];
  return (
    <>
      {groups.map((group) => (
        <div key={group} className="fq-gap">
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t(`stats.groups.${group}`)}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {registry
              .filter((i) => i.group === group)
              .map((indicator) => {
                const line = lines.get(indicator.code);
                const change = formatChange(line?.change, indicator.unit, indicator.higherIsBetter, locale);
                return (
                  <Col key={indicator.code} xs={12} md={8} xl={6} xxl={4}>
                    <Card size="small" variant="borderless" loading={loading} data-testid={`kpi-${indicator.code}`}>
                      <div className="fq-stats-kpi-label">
                        <IndicatorName indicator={indicator} />
                      </div>
                      <div className="fq-stats-kpi-value">{formatValue(line?.value, indicator.unit, locale)}</div>
                      <div className="fq-stats-kpi-sub">
                        {change ? (
                          <span style={{ color: TONE[change.tone] }}>
                            {change.up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {change.text}
                          </span>
                        ) : null}{' '}
                        <Typography.Text type="secondary">
                          {line?.previous === null || line?.previous === undefined
                            ? t('stats.noPrevious')
                            : t('stats.previous', { value: formatValue(line.previous, indicator.unit, locale) })}
                        </Typography.Text>
                      </div>
                    </Card>
                  </Col>
                );
              })}
          </Row>
        </div>
      ))}
    </>
  );
}
