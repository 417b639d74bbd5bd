import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import '../community/messages.ts';
import { TeamsTab } from '../community/TeamsTab.tsx';
import { VolunteersTab } from '../community/VolunteersTab.tsx';

const TABS = ['volunteers', 'teams'] as const;
type Tab = (typeof TABS)[number];

/** Volunteers of the reader's area and their teams. */
export default function VolunteersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const active = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'volunteers';
  const content: Record<Tab, React.ReactNode> = { volunteers: <VolunteersTab />, teams: <TeamsTab /> };
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskCommunity.volunteers.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab })}
        items={TABS.map((tab) => ({ key: tab, label: t(`deskCommunity.volunteers.tabs.${tab}`), children: content[tab] }))}
      />
    </div>
  );
}
