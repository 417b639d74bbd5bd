import { Tabs, Typography } from 'antd';
import { useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import '../patrols/messages.ts';
import { PartnersTab } from '../patrols/PartnersTab.tsx';
import { PlansTab } from '../patrols/PlansTab.tsx';
import { useHomeCommunity } from '../patrols/patrol-data.ts';
import { RunsTab } from '../patrols/RunsTab.tsx';
import { TeamsTab } from '../patrols/TeamsTab.tsx';

const TABS = ['partners', 'teams', 'plans', 'runs'] as const;

/** Patrol work of a community: partners' applications, teams, plans and the runs walked. */
export default function PatrolsPage() {
  const { t } = useI18n();
  const [location, navigate] = useLocation();
  const [communityId, setCommunityId] = useHomeCommunity();
  const active = TABS.find((tab) => location.startsWith(`/${tab}`)) ?? 'partners';
  const content = {
    partners: <PartnersTab communityId={communityId} />,
    teams: <TeamsTab communityId={communityId} />,
    plans: <PlansTab communityId={communityId} />,
    runs: <RunsTab communityId={communityId} />,
  };
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskPatrols.title')}</Typography.Title>
        <AreaTreeSelect
          value={communityId}
          onChange={setCommunityId}
          prefix={t('deskPatrols.community')}
          aria-label={t('deskPatrols.community')}
          style={{ width: 320 }}
        />
      </div>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(`/${key}`)}
        items={TABS.map((tab) => ({ key: tab, label: t(`deskPatrols.tabs.${tab}`), children: content[tab] }))}
      />
    </div>
  );
}
