import { Redirect, Route, Switch } from 'wouter';
import './mediation.css';
import './messages.ts';
import MyBookingsPage from './MyBookingsPage.tsx';
import StudioPage from './StudioPage.tsx';
import StudiosPage from './StudiosPage.tsx';

/**
 * Mediation studios and legal consultation under /mediation: the studios and their free times
 * are open to anyone; booking and my consultations need an account.
 */
export default function MediationApp() {
  return (
    <Switch>
      <Route path="/" component={StudiosPage} />
      <Route path="/mine" component={MyBookingsPage} />
      <Route path="/:id" component={StudioPage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}
