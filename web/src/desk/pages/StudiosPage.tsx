import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { CalendarTab } from '../mediation/CalendarTab.tsx';
import { MediatorsTab } from '../mediation/MediatorsTab.tsx';
import '../mediation/messages.ts';
import { StudiosTab } from '../mediation/StudiosTab.tsx';

const TABS = ['calendar', 'studios', 'mediators'] as const;
type Tab = (typeof TABS)[number];

/** Where mediation happens: the staff calendar of sessions and consultations, the studios, the mediators. */
export default function StudiosPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const active = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'calendar';
  const content: Record<Tab, React.ReactNode> = {
    calendar: <CalendarTab />,
    studios: <StudiosTab />,
    mediators: <MediatorsTab />,
  };
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskMediation.studios.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab })}
        items={TABS.map((tab) => ({ key: tab, label: t(`deskMediation.studios.tabs.${tab}`), children: content[tab] }))}
      />
    </div>
  );
}
