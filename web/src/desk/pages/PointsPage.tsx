import { Table, Tabs, Tag, Typography } from 'antd';
import { useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { PointsRule } from '../../shared/volunteer-types.ts';
import { AccountsTab } from '../community/AccountsTab.tsx';
import { useRules } from '../community/community-data.ts';
import { GoodsTab, RedemptionsTab } from '../community/MarketTab.tsx';
import '../community/messages.ts';

const TABS = ['accounts', 'goods', 'redemptions', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** Points: the accounts of the reader's area and their ledgers, the supermarket, its redemptions, the rules. */
export default function PointsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const active = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'accounts';
  const content: Record<Tab, React.ReactNode> = {
    accounts: <AccountsTab />,
    goods: <GoodsTab />,
    redemptions: <RedemptionsTab />,
    rules: <RulesTab />,
  };
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCommunity.points.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab })}
        items={TABS.map((tab) => ({ key: tab, label: t(`deskCommunity.points.tabs.${tab}`), children: content[tab] }))}
      />
    </div>
  );
}

function RulesTab() {
  const { t, date } = useI18n();
  const rules = useRules();
  return (
    <>
      <p className="fq-muted">{t('deskCommunity.rules.intro')}</p>
      <Table<PointsRule>
        rowKey="id"
        size="middle"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={[
          { key: 'source', title: t('deskCommunity.rules.source'), render: (_, r) => t(`deskCommunity.source.${r.source}`) },
          {
            key: 'rate',
            title: t('deskCommunity.rules.rate'),
            align: 'right',
            render: (_, r) => t('deskCommunity.rules.perHour', { n: r.pointsPerHour }),
          },
          {
            key: 'unit',
            title: t('deskCommunity.rules.unit'),
            align: 'right',
            render: (_, r) => t('deskCommunity.rules.minutes', { n: r.unitMinutes }),
          },
          {
            key: 'max',
            title: t('deskCommunity.rules.max'),
            align: 'right',
            render: (_, r) => t('deskCommunity.rules.minutes', { n: r.maxMinutes }),
          },
          {
            key: 'valid',
            title: t('deskCommunity.rules.valid'),
            align: 'right',
            render: (_, r) => t('deskCommunity.rules.days', { n: r.validDays }),
          },
          { key: 'volunteering', title: t('deskCommunity.rules.volunteering'), render: (_, r) => (r.volunteering ? '✓' : '') },
          { key: 'from', title: t('deskCommunity.rules.from'), render: (_, r) => date(r.validFrom) },
          {
            key: 'state',
            render: (_, r) => (
              <>
                {r.inForce && <Tag color="green">{t('deskCommunity.rules.inForce')}</Tag>}
                {r.shared && <Tag>{t('deskCommunity.rules.shared')}</Tag>}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
