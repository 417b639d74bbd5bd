import { Redirect, Route, Switch } from 'wouter';
import { useMe } from '../../shared/session.ts';
import { Loading } from '../QueryState.tsx';
import FindingsPage from './FindingsPage.tsx';
import './messages.ts';
import PatrolHomePage from './PatrolHomePage.tsx';
import ReinspectPage from './ReinspectPage.tsx';
import RunPage from './RunPage.tsx';

/** The Ping An Partner pages under /patrol: apply, today's plans, a run, my findings, re-inspection. */
export default function PatrolApp() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Redirect to="~/login" />;
  return (
    <Switch>
      <Route path="/" component={PatrolHomePage} />
      <Route path="/run/:planId" component={RunPage} />
      <Route path="/findings" component={FindingsPage} />
      <Route path="/hazards/:caseId" component={ReinspectPage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}
