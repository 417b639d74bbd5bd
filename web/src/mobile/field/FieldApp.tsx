import { useQuery } from '@tanstack/react-query';
import { Badge, DotLoading } from 'antd-mobile';
import { AddCircleOutline, BellOutline, EnvironmentOutline, HeartOutline, UnorderedListOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, hasRole, useMe } from '../../shared/session.ts';
import CaseDetailPage from './CaseDetailPage.tsx';
import './field.css';
import InboxPage from './InboxPage.tsx';
import './messages.ts';
import NewCasePage from './NewCasePage.tsx';
import NotificationsPage from './NotificationsPage.tsx';

/** Unread notifications, for the tab's badge; refreshed while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => api<{ unread: number }>('/api/notifications?unread=true&limit=1').then((page) => page.unread),
    refetchInterval: 60_000,
  });
}

interface TabProps {
  href: string;
  icon: ReactNode;
  label: string;
  current: boolean;
  /** Read out after the label, e.g. how many are unread. */
  spoken?: string | undefined;
}

function Tab({ href, icon, label, current, spoken }: TabProps) {
  return (
    <Link href={href} className={`fq-tab${current ? ' fq-tab-current' : ''}`} aria-current={current ? 'page' : undefined}>
      {icon}
      <span>{label}</span>
      {spoken && <span className="fq-visually-hidden">{spoken}</span>}
    </Link>
  );
}

/** The field app under /field: inbox, case detail, a case recorded on the spot, notifications. */
export default function FieldApp() {
  const { t } = useI18n();
  const me = useMe();
  const [location] = useLocation();
  const unread = useUnreadCount();

  if (me.isPending) {
    return (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!me.data) return <Redirect to="~/login" />;

  const tabs = ['/', '/new', '/notifications'];
  return (
    <div className="fq-field-app">
      <Switch>
        <Route path="/" component={InboxPage} />
        <Route path="/cases/:id" component={CaseDetailPage} />
        <Route path="/new" component={NewCasePage} />
        <Route path="/notifications" component={NotificationsPage} />
        <Route>
          <Redirect to="/" />
        </Route>
      </Switch>
      {tabs.includes(location) && (
        <nav className="fq-tabbar" aria-label={t('field.tabs.label')}>
          <Tab href="/" current={location === '/'} icon={<UnorderedListOutline aria-hidden />} label={t('field.tabs.inbox')} />
          <Tab href="/new" current={location === '/new'} icon={<AddCircleOutline aria-hidden />} label={t('field.tabs.new')} />
          <Tab
            href="/notifications"
            current={location === '/notifications'}
            icon={
              <Badge content={unread.data ? (unread.data > 99 ? '99+' : unread.data) : null}>
                <BellOutline aria-hidden />
              </Badge>
            }
            label={t('field.tabs.notices')}
            spoken={unread.data ? t('field.tabs.unread', { n: unread.data }) : undefined}
          />
          {hasPermission(me.data, 'care.read') && (
            <Tab href="~/care" current={false} icon={<HeartOutline aria-hidden />} label={t('field.tabs.care')} />
          )}
          {hasRole(me.data, 'patrol_volunteer') && (
            <Tab href="~/patrol" current={false} icon={<EnvironmentOutline aria-hidden />} label={t('field.tabs.patrol')} />
          )}
        </nav>
      )}
    </div>
  );
}
