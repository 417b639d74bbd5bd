import { ConfigProvider, DotLoading } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect } from 'react';
import { Route, Switch } from 'wouter';
import { useI18n } from '../shared/i18n.tsx';
import './antd-mobile-render.ts';
import { HomePage } from './HomePage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { startReportSync } from './offline/local-reports.ts';
import { startPatrolSync } from './patrol/waiting.ts';
import './page.css';

/**
 * The phone app: residents at /, grid workers and patrol volunteers under /field, Ping An
 * Partners' patrols under /patrol, mediation studios and consultations under /mediation, care visits
 * under /care, volunteering, activities, the service menu, points and questionnaires under their own
 * paths. Only the home
 * page ships in the first bundle; every other page is a chunk loaded when it is opened.
 */
const ReportPage = lazy(() => import('./resident/ReportPage.tsx'));
const TrackPage = lazy(() => import('./resident/TrackPage.tsx'));
const MyReportsPage = lazy(() => import('./resident/MyReportsPage.tsx'));
const MyCasePage = lazy(() => import('./resident/MyCasePage.tsx'));
const FieldApp = lazy(() => import('./field/FieldApp.tsx'));
const PatrolApp = lazy(() => import('./patrol/PatrolApp.tsx'));
const MediationApp = lazy(() => import('./mediation/MediationApp.tsx'));
const CareApp = lazy(() => import('./care/CareApp.tsx'));
const VolunteerApp = lazy(() => import('./community/VolunteerApp.tsx'));
const ActivitiesApp = lazy(() => import('./community/ActivitiesApp.tsx'));
const ServicesApp = lazy(() => import('./community/ServicesApp.tsx'));
const PointsApp = lazy(() => import('./community/PointsApp.tsx'));
const SurveysApp = lazy(() => import('./community/SurveysApp.tsx'));
const DeliberationApp = lazy(() => import('./deliberation/DeliberationApp.tsx'));

export function MobileApp() {
  const { locale } = useI18n();
  // Reports saved while offline go out when the app opens online or the network returns.
  useEffect(() => startReportSync(), []);
  useEffect(() => startPatrolSync(), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <Suspense
        fallback={
          <div className="fq-center">
            <DotLoading color="primary" />
          </div>
        }
      >
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/login" component={LoginPage} />
          <Route path="/report" component={ReportPage} />
          <Route path="/track" component={TrackPage} />
          <Route path="/track/:code" component={TrackPage} />
          <Route path="/my" component={MyReportsPage} />
          <Route path="/my/:id" component={MyCasePage} />
          <Route path="/field" nest component={FieldApp} />
          <Route path="/patrol" nest component={PatrolApp} />
          <Route path="/mediation" nest component={MediationApp} />
          <Route path="/care" nest component={CareApp} />
          <Route path="/volunteer" nest component={VolunteerApp} />
          <Route path="/activities" nest component={ActivitiesApp} />
          <Route path="/services" nest component={ServicesApp} />
          <Route path="/points" nest component={PointsApp} />
          <Route path="/surveys" nest component={SurveysApp} />
          <Route path="/deliberation" nest component={DeliberationApp} />
          <Route>
            <HomePage />
          </Route>
        </Switch>
      </Suspense>
    </ConfigProvider>
  );
}
