import { DotLoading } from 'antd-mobile';
import { Redirect, Route, Switch } from 'wouter';
import { useMe } from '../../shared/session.ts';
import CareFilePage from './CareFilePage.tsx';
import CareListPage from './CareListPage.tsx';
import './care.css';
import './messages.ts';
import VisitPage from './VisitPage.tsx';

/** Care visits under /care for the grid worker and community staff: files to visit, a file, logging a visit. */
export default function CareApp() {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!me.data) return <Redirect to="~/login" />;
  return (
    <div className="fq-care-app">
      <Switch>
        <Route path="/" component={CareListPage} />
        <Route path="/files/:id" component={CareFilePage} />
        <Route path="/files/:id/visit" component={VisitPage} />
        <Route>
          <Redirect to="/" />
        </Route>
      </Switch>
    </div>
  );
}
