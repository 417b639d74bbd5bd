import { Button, Dialog, ProgressBar, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import type { Vote } from '../../shared/deliberation-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { SignInFirst } from '../community/SignInFirst.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { useRefreshDelib, useVote } from './delib-queries.ts';

const CHOICES = ['yes', 'no', 'abstain'] as const;

/** An owner vote: my household's ballot, once, and the turnout so far. */
export function VotePage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.votes')} onBack={() => navigate('/')} />
      <SignInFirst>
        <QueryState query={useVote(id)}>{(vote) => <Ballot vote={vote} />}</QueryState>
      </SignInFirst>
    </main>
  );
}

function Ballot({ vote }: { vote: Vote }) {
  const { t, date } = useI18n();
  const refresh = useRefreshDelib();
  const [busy, setBusy] = useState(false);
  const { tally } = vote;
  async function cast(choice: (typeof CHOICES)[number]) {
    const label = t(`delib.vote.choice.${choice}`);
    if (!(await Dialog.confirm({ content: t('delib.vote.confirm', { choice: label }) }))) return;
    setBusy(true);
    try {
      await api(`/api/deliberation/votes/${vote.id}/ballot`, { body: { choice } });
      await refresh();
    } catch (failure) {
      Toast.show({ content: errorMessage(t, failure) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <article className="fq-card">
      <p className="fq-cs-meta">
        {vote.number} · {vote.estateName} {vote.buildingName ?? ''}
      </p>
      <h2 className="fq-card-title">{vote.title}</h2>
      <p className="fq-cs-meta">
        {vote.status === 'open' ? t('delib.vote.closes', { date: date(vote.closesAt) }) : t('delib.vote.closed')}
      </p>
      <p className="fq-body-text">
        {t('delib.vote.turnout', { n: tally.participating.households, total: tally.electorate.households })}
      </p>
      <ProgressBar percent={Math.round(tally.turnout * 100)} text />
      {vote.result && (
        <p className="fq-gap-top">
          <Tag color={vote.result === 'passed' ? 'success' : 'danger'}>{t(`delib.vote.result.${vote.result}`)}</Tag>
        </p>
      )}
      {vote.myBallot ? (
        <p className="fq-body-text fq-gap-top">
          <Tag color="success" fill="outline">
            {t('delib.vote.cast', { choice: t(`delib.vote.choice.${vote.myBallot}`) })}
          </Tag>
        </p>
      ) : (
        vote.canVote && (
          <>
            <h3 className="fq-label fq-gap-top">{t('delib.vote.yours')}</h3>
            <div className="fq-delib-actions">
              {CHOICES.map((c) => (
                <Button key={c} block color={c === 'yes' ? 'primary' : 'default'} loading={busy} onClick={() => void cast(c)}>
                  {t(`delib.vote.choice.${c}`)}
                </Button>
              ))}
            </div>
          </>
        )
      )}
    </article>
  );
}
