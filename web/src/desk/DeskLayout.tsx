import {
  AlertOutlined,
  ApiOutlined,
  BarChartOutlined,
  CalendarOutlined,
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
  SmileOutlined,
  SolutionOutlined,
  TeamOutlined,
  TranslationOutlined,
  UploadOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../shared/i18n.tsx';
import { hasPermission, useSession } from '../shared/session.ts';
import type { Me } from '../shared/types.ts';

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
  const registerImport = hasPermission(me, 'imports.run') && hasPermission(me, 'residents.manage');
  const items = [
    { key: '/', icon: <ProfileOutlined />, label: t('desk.menu.cases') },
    { key: '/overdue', icon: <AlertOutlined />, label: t('desk.menu.overdue') },
    { key: '/map', icon: <EnvironmentOutlined />, label: t('desk.menu.map') },
    ...(patrols
      ? [
          { key: '/patrols', icon: <SafetyOutlined />, label: t('desk.menu.patrols') },
          { key: '/hazards', icon: <WarningOutlined />, label: t('desk.menu.hazards') },
          { key: '/patrol-figures', icon: <BarChartOutlined />, label: t('desk.menu.patrolFigures') },
        ]
      : []),
    ...(mediation
      ? [
          { key: '/disputes', icon: <TeamOutlined />, label: t('desk.menu.disputes') },
          { key: '/studios', icon: <CalendarOutlined />, label: t('desk.menu.studios') },
          { key: '/mediation-figures', icon: <FundOutlined />, label: t('desk.menu.mediationFigures') },
        ]
      : []),
    ...(careFiles ? [{ key: '/care', icon: <HeartOutlined />, label: t('desk.menu.care') }] : []),
    ...(careFigures ? [{ key: '/care-figures', icon: <LineChartOutlined />, label: t('desk.menu.careFigures') }] : []),
    ...(reads('volunteers') ? [{ key: '/volunteers', icon: <SmileOutlined />, label: t('desk.menu.volunteers') }] : []),
    ...(reads('services')
      ? [{ key: '/service-requests', icon: <SolutionOutlined />, label: t('desk.menu.serviceRequests') }]
      : []),
    ...(reads('activities') ? [{ key: '/activities', icon: <ScheduleOutlined />, label: t('desk.menu.activities') }] : []),
    ...(reads('points') ? [{ key: '/points', icon: <GiftOutlined />, label: t('desk.menu.points') }] : []),
    ...(reads('questionnaires')
      ? [{ key: '/questionnaires', icon: <FormOutlined />, label: t('desk.menu.questionnaires') }]
      : []),
    ...(registerImport ? [{ key: '/register-import', icon: <UploadOutlined />, label: t('desk.menu.registerImport') }] : []),
    ...(integration ? [{ key: '/integration', icon: <ApiOutlined />, label: t('desk.menu.integration') }] : []),
    { key: '/wall', icon: <DesktopOutlined />, label: t('desk.menu.wall') },
    ...(admin ? [{ key: '/admin', icon: <SettingOutlined />, label: t('desk.menu.admin') }] : []),
  ];
  const selected = items
    .map((item) => item.key)
    .filter((key) => (key === '/' ? location === '/' || location.startsWith('/cases') : location.startsWith(key)));

  return (
    <Layout className="fq-desk">
      <Layout.Sider breakpoint="lg" collapsedWidth={64} theme="dark" width={208}>
        <div className="fq-desk-brand">{t('app.name')}</div>
        <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} onClick={({ key }) => navigate(key)} />
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
