import { Redirect, Route, Switch } from 'wouter';
import { CheckinPage } from './CheckinPage.tsx';
import { EstatePage } from './EstatePage.tsx';
import './messages.ts';
import { ProposePage } from './ProposePage.tsx';
import { PublicEstatePage, PublicEstatesPage } from './PublicPages.tsx';
import { TopicPage } from './TopicPage.tsx';
import { VotePage } from './VotePage.tsx';

/** Deliberation under /deliberation: my estate's topics and votes, proposing, sign-in at meetings, the public notice board. */
export default function DeliberationApp() {
  return (
    <Switch>
      <Route path="/" component={EstatePage} />
      <Route path="/propose" component={ProposePage} />
      <Route path="/topics/:id" component={TopicPage} />
      <Route path="/votes/:id" component={VotePage} />
      <Route path="/checkin/:id" component={CheckinPage} />
      <Route path="/public" component={PublicEstatesPage} />
      <Route path="/public/:id" component={PublicEstatePage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}
