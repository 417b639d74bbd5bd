import { DotLoading } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { HomePage } from './HomePage.tsx';
import { LoginPage } from './LoginPage.tsx';

/**
 * The phone app: residents at /, grid workers and patrol volunteers under /field. Only the home
 * page ships in the first bundle; every other page is a chunk loaded when it is opened.
 */
const ReportPage = lazy(() => import('./resident/ReportPage.tsx'));
const TrackPage = lazy(() => import('./resident/TrackPage.tsx'));
const MyReportsPage = lazy(() => import('./resident/MyReportsPage.tsx'));
const MyCasePage = lazy(() => import('./resident/MyCasePage.tsx'));
const FieldApp = lazy(() => import('./field/FieldApp.tsx'));

export function MobileApp() {
  return (
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
        <Route>
          <HomePage />
        </Route>
      </Switch>
    </Suspense>
  );
}
