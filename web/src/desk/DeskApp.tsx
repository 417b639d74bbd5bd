import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useI18n } from '../shared/i18n.tsx';
import { useMe } from '../shared/session.ts';
import { DeskLayout } from './DeskLayout.tsx';
import { DeskLoginPage } from './DeskLoginPage.tsx';

/**
 * The desk console under /desk. Pages are chunks loaded when opened; the map, the wall screen
 * and charts carry ECharts, which never reaches the other pages.
 */
const CasesPage = lazy(() => import('./pages/CasesPage.tsx'));
const CasePage = lazy(() => import('./pages/CasePage.tsx'));
const OverduePage = lazy(() => import('./pages/OverduePage.tsx'));
const MapPage = lazy(() => import('./pages/MapPage.tsx'));
const WallPage = lazy(() => import('./pages/WallPage.tsx'));
const AdminPage = lazy(() => import('./pages/AdminPage.tsx'));
const PatrolsPage = lazy(() => import('./pages/PatrolsPage.tsx'));
const HazardsPage = lazy(() => import('./pages/HazardsPage.tsx'));
const PatrolFiguresPage = lazy(() => import('./pages/PatrolFiguresPage.tsx'));
const DisputesPage = lazy(() => import('./pages/DisputesPage.tsx'));
const DisputePage = lazy(() => import('./pages/DisputePage.tsx'));
const StudiosPage = lazy(() => import('./pages/StudiosPage.tsx'));
const MediationFiguresPage = lazy(() => import('./pages/MediationFiguresPage.tsx'));
const CareFilesPage = lazy(() => import('./pages/CareFilesPage.tsx'));
const CareFilePage = lazy(() => import('./pages/CareFilePage.tsx'));
const CareFiguresPage = lazy(() => import('./pages/CareFiguresPage.tsx'));
const VolunteersPage = lazy(() => import('./pages/VolunteersPage.tsx'));
const ServiceRequestsPage = lazy(() => import('./pages/ServiceRequestsPage.tsx'));
const ActivitiesPage = lazy(() => import('./pages/ActivitiesPage.tsx'));
const ActivityPage = lazy(() => import('./pages/ActivityPage.tsx'));
const PointsPage = lazy(() => import('./pages/PointsPage.tsx'));
const QuestionnairesPage = lazy(() => import('./pages/QuestionnairesPage.tsx'));
const QuestionnairePage = lazy(() => import('./pages/QuestionnairePage.tsx'));
const IntegrationPage = lazy(() => import('./pages/IntegrationPage.tsx'));
const PrivacyPage = lazy(() => import('./pages/PrivacyPage.tsx'));
const RegisterImportPage = lazy(() => import('./pages/RegisterImportPage.tsx'));
const TopicsPage = lazy(() => import('./pages/TopicsPage.tsx'));
const TopicPage = lazy(() => import('./pages/TopicPage.tsx'));
const MeetingsPage = lazy(() => import('./pages/MeetingsPage.tsx'));
const MeetingPage = lazy(() => import('./pages/MeetingPage.tsx'));
const VotesPage = lazy(() => import('./pages/VotesPage.tsx'));
const VotePage = lazy(() => import('./pages/VotePage.tsx'));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage.tsx'));
const PropertyRankingPage = lazy(() => import('./pages/PropertyRankingPage.tsx'));
const PropertyCompanyPage = lazy(() => import('./pages/PropertyCompanyPage.tsx'));
const PropertyReviewsPage = lazy(() => import('./pages/PropertyReviewsPage.tsx'));
const PropertyWeightsPage = lazy(() => import('./pages/PropertyWeightsPage.tsx'));

const loading = (
  <div className="fq-desk-center">
    <Spin size="large" />
  </div>
);

function Authenticated() {
  const { data: me, isLoading } = useMe();
  if (isLoading) return loading;
  if (!me) return <Redirect to="/login" />;
  return (
    <Switch>
      <Route path="/wall" component={WallPage} />
      <Route>
        <DeskLayout me={me}>
          <Suspense fallback={loading}>
            <Switch>
              <Route path="/" component={CasesPage} />
              <Route path="/cases/:id" component={CasePage} />
              <Route path="/overdue" component={OverduePage} />
              <Route path="/map" component={MapPage} />
              <Route path="/statistics" component={StatisticsPage} />
              <Route path="/admin" nest component={AdminPage} />
              <Route path="/patrols" nest component={PatrolsPage} />
              <Route path="/hazards" component={HazardsPage} />
              <Route path="/patrol-figures" component={PatrolFiguresPage} />
              <Route path="/disputes" component={DisputesPage} />
              <Route path="/disputes/:id" component={DisputePage} />
              <Route path="/studios" component={StudiosPage} />
              <Route path="/mediation-figures" component={MediationFiguresPage} />
              <Route path="/care" component={CareFilesPage} />
              <Route path="/care/:id" component={CareFilePage} />
              <Route path="/care-figures" component={CareFiguresPage} />
              <Route path="/volunteers" component={VolunteersPage} />
              <Route path="/service-requests" component={ServiceRequestsPage} />
              <Route path="/activities" component={ActivitiesPage} />
              <Route path="/activities/:id" component={ActivityPage} />
              <Route path="/points" component={PointsPage} />
              <Route path="/questionnaires" component={QuestionnairesPage} />
              <Route path="/questionnaires/:id" component={QuestionnairePage} />
              <Route path="/integration" component={IntegrationPage} />
              <Route path="/privacy" component={PrivacyPage} />
              <Route path="/register-import" component={RegisterImportPage} />
              <Route path="/topics" component={TopicsPage} />
              <Route path="/topics/:id" component={TopicPage} />
              <Route path="/meetings" component={MeetingsPage} />
              <Route path="/meetings/:id" component={MeetingPage} />
              <Route path="/votes" component={VotesPage} />
              <Route path="/votes/:id" component={VotePage} />
              <Route path="/property-scores" component={PropertyRankingPage} />
              <Route path="/property-scores/companies/:id" component={PropertyCompanyPage} />
              <Route path="/property-reviews" component={PropertyReviewsPage} />
              <Route path="/property-weights" component={PropertyWeightsPage} />
            </Switch>
          </Suspense>
        </DeskLayout>
      </Route>
    </Switch>
  );
}

export function DeskApp() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{
        token: { colorPrimary: '#c0392b', borderRadius: 6 },
        components: { Layout: { headerBg: '#fff', headerPadding: '0 24px' } },
      }}
    >
      <AntApp>
        <Router base="/desk">
          <Suspense fallback={loading}>
            <Switch>
              <Route path="/login" component={DeskLoginPage} />
              <Route>
                <Authenticated />
              </Route>
            </Switch>
          </Suspense>
        </Router>
      </AntApp>
    </ConfigProvider>
  );
}
