import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FormOutlined,
  FundOutlined,
  GiftOutlined,
  HeartOutlined,
  LineChartOutlined,
  LogoutOutlined,
  ProfileOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SlidersOutlined,
  SmileOutlined,
  SolutionOutlined,
  TeamOutlined,
  TranslationOutlined,
  TrophyOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../shared/i18n.tsx';
import { hasPermission, useSession } from '../shared/session.ts';
import type { Me } from '../shared/types.ts';

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
}
interface MenuGroup extends MenuEntry {
  children: MenuEntry[];
}
const isGroup = (item: MenuEntry | MenuGroup): item is MenuGroup => 'children' in item;

/** The console's frame: the menu of what the person's roles allow, who they are, language, sign out. */
export function DeskLayout({ me, children }: { me: Me; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const [location, navigate] = useLocation();
  const admin = hasPermission(me, 'areas.manage') || hasPermission(me, 'users.manage') || hasPermission(me, 'categories.manage');
  const patrols = hasPermission(me, 'patrols.read') || hasPermission(me, 'patrols.manage');
  const mediation = hasPermission(me, 'mediation.read') || hasPermission(me, 'mediation.manage');
  // Care files only for those who visit; the leader and administrators see the figures alone.
  const careFiles = hasPermission(me, 'care.read');
  const careFigures = hasPermission(me, 'care.figures');
  const reads = (module: string) => hasPermission(me, `${module}.read`) || hasPermission(me, `${module}.manage`);
  const integration = hasPermission(me, 'integration.manage') || hasPermission(me, 'integration.read');
  const propertyScores = hasPermission(me, 'property_scores.read') || hasPermission(me, 'property_scores.read_own');
  const registerImport = hasPermission(me, 'imports.run') && hasPermission(me, 'residents.manage');
  const privacy = hasPermission(me, 'audit.read') || hasPermission(me, 'privacy.retention');
  const entry = (key: string, icon: ReactNode, label: string) => ({ key, icon, label });
  const group = (key: string, icon: ReactNode, entries: (MenuEntry | false)[]): MenuGroup => ({
    key,
    icon,
    label: t(`desk.menuGroup.${key.slice('group:'.length)}`),
    children: entries.filter((e): e is MenuEntry => e !== false),
  });
  // The day's work first; each module's pages in a group of their own, opened where the person is.
  const items: (MenuEntry | MenuGroup)[] = [
    entry('/', <ProfileOutlined />, t('desk.menu.cases')),
    entry('/overdue', <AlertOutlined />, t('desk.menu.overdue')),
    entry('/map', <EnvironmentOutlined />, t('desk.menu.map')),
    ...(reads('stats') ? [entry('/statistics', <DashboardOutlined />, t('desk.menu.statistics'))] : []),
    group('group:patrols', <SafetyOutlined />, [
      patrols && entry('/patrols', <SafetyOutlined />, t('desk.menu.patrols')),
      patrols && entry('/hazards', <WarningOutlined />, t('desk.menu.hazards')),
      patrols && entry('/patrol-figures', <BarChartOutlined />, t('desk.menu.patrolFigures')),
    ]),
    group('group:mediation', <TeamOutlined />, [
      mediation && entry('/disputes', <TeamOutlined />, t('desk.menu.disputes')),
      mediation && entry('/studios', <CalendarOutlined />, t('desk.menu.studios')),
      mediation && entry('/mediation-figures', <FundOutlined />, t('desk.menu.mediationFigures')),
    ]),
    group('group:care', <HeartOutlined />, [
      careFiles && entry('/care', <HeartOutlined />, t('desk.menu.care')),
      careFigures && entry('/care-figures', <LineChartOutlined />, t('desk.menu.careFigures')),
    ]),
    group('group:deliberation', <CommentOutlined />, [
      reads('deliberation') && entry('/topics', <CommentOutlined />, t('desk.menu.topics')),
      reads('deliberation') && entry('/meetings', <ContactsOutlined />, t('desk.menu.meetings')),
      reads('deliberation') && entry('/votes', <CheckSquareOutlined />, t('desk.menu.votes')),
      propertyScores && entry('/property-scores', <TrophyOutlined />, t('desk.menu.propertyScores')),
      hasPermission(me, 'property_scores.review') &&
        entry('/property-reviews', <CommentOutlined />, t('desk.menu.propertyReviews')),
      propertyScores && entry('/property-weights', <SlidersOutlined />, t('desk.menu.propertyWeights')),
    ]),
    group('group:volunteering', <SmileOutlined />, [
      reads('volunteers') && entry('/volunteers', <SmileOutlined />, t('desk.menu.volunteers')),
      reads('services') && entry('/service-requests', <SolutionOutlined />, t('desk.menu.serviceRequests')),
      reads('activities') && entry('/activities', <ScheduleOutlined />, t('desk.menu.activities')),
      reads('points') && entry('/points', <GiftOutlined />, t('desk.menu.points')),
      reads('questionnaires') && entry('/questionnaires', <FormOutlined />, t('desk.menu.questionnaires')),
    ]),
    entry('/wall', <DesktopOutlined />, t('desk.menu.wall')),
    group('group:system', <SettingOutlined />, [
      registerImport && entry('/register-import', <UploadOutlined />, t('desk.menu.registerImport')),
      integration && entry('/integration', <ApiOutlined />, t('desk.menu.integration')),
      privacy && entry('/privacy', <AuditOutlined />, t('desk.menu.privacy')),
      admin && entry('/admin', <SettingOutlined />, t('desk.menu.admin')),
    ]),
  ].filter((item) => !isGroup(item) || item.children.length > 0);
  const pages = items.flatMap((item) => (isGroup(item) ? item.children : [item]));
  const selected = pages
    .map((page) => page.key)
    .filter((key) =>
      key === '/' ? location === '/' || location.startsWith('/cases') : location === key || location.startsWith(`${key}/`),
    );
  const openGroups = items.filter((item) => isGroup(item) && item.children.some((page) => selected.includes(page.key)));

  return (
    <Layout className="fq-desk">
      <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="dark" width={208}>
        <div className="fq-desk-brand">{t('app.name')}</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          defaultOpenKeys={openGroups.map((item) => item.key)}
          items={items as MenuProps['items']}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="fq-desk-header">
          <Typography.Text strong>{t('app.deskTitle')}</Typography.Text>
          <Space>
            <Typography.Text>
              {me.displayName}
              {me.roles[0] ? ` · ${me.roles[0].scopeName}` : ''}
            </Typography.Text>
            <Button icon={<TranslationOutlined />} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
              {t('app.switchLanguage')}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await session.logout();
                navigate('/login');
              }}
            >
              {t('common.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="fq-desk-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
