import { Tabs } from 'antd';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AreasTab } from '../admin/AreasTab.tsx';
import { CalendarTab } from '../admin/CalendarTab.tsx';
import { CategoriesTab } from '../admin/CategoriesTab.tsx';
import { DeadlinesTab } from '../admin/DeadlinesTab.tsx';
import { OrganisationsTab } from '../admin/OrganisationsTab.tsx';
import { UsersTab } from '../admin/UsersTab.tsx';
import '../admin/messages.ts';
import '../admin/admin.css';

/** Each tab is a nested route (/desk/admin/areas ...), shown to those whose roles manage that part. */
const TABS = [
  { path: '/areas', permission: 'areas.manage', component: AreasTab },
  { path: '/users', permission: 'users.manage', component: UsersTab },
  { path: '/organisations', permission: 'organisations.manage', component: OrganisationsTab },
  { path: '/categories', permission: 'categories.manage', component: CategoriesTab },
  { path: '/deadlines', permission: 'deadlines.manage', component: DeadlinesTab },
  { path: '/calendar', permission: 'calendar.manage', component: CalendarTab },
] as const;

export default function AdminPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [location, navigate] = useLocation();
  const tabs = TABS.filter((tab) => hasPermission(me, tab.permission));
  const active = tabs.find((tab) => location.startsWith(tab.path)) ?? tabs[0];

  return (
    <div className="fq-admin">
      <Tabs
        activeKey={active?.path}
        onChange={(key) => navigate(key)}
        items={tabs.map((tab) => ({ key: tab.path, label: t(`admin.tabs.${tab.path.slice(1)}`) }))}
      />
      <Switch>
        {tabs.map((tab) => (
          <Route key={tab.path} path={tab.path} component={tab.component} />
        ))}
        <Route>{active ? <Redirect to={active.path} replace /> : null}</Route>
      </Switch>
    </div>
  );
}
