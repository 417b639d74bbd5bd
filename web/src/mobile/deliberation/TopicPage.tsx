import { Button, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import type { Topic } from '../../shared/deliberation-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { SignInFirst } from '../community/SignInFirst.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { Choice } from '../report/Choice.tsx';
import { useRefreshDelib, useTopic } from './delib-queries.ts';
import { StepsBar } from './StepsBar.tsx';

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** A topic of my estate: what it is, where it stands in the five steps, supporting it, rating the finished work. */
export function TopicPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.topics')} onBack={() => navigate('/')} />
      <SignInFirst>
        <QueryState query={useTopic(id)}>{(topic) => <TopicView topic={topic} />}</QueryState>
      </SignInFirst>
    </main>
  );
}

function TopicView({ topic }: { topic: Topic }) {
  const { t, dateTime, date, number } = useI18n();
  const refresh = useRefreshDelib();
  const [busy, setBusy] = useState(false);
  const [score, setScore] = useState(topic.myRating ?? 0);
  const [comment, setComment] = useState('');
  const send = async (path: string, body?: object) => {
    setBusy(true);
    try {
      await api(`/api/deliberation/topics/${topic.id}/${path}`, { method: 'POST', body });
      await refresh();
    } catch (failure) {
      Toast.show({ content: errorMessage(t, failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <article className="fq-card">
        <p className="fq-cs-meta">
          {topic.number} · {topic.buildingName ?? topic.estateName} · {dateTime(topic.createdAt)}
        </p>
        <h2 className="fq-card-title">{topic.title}</h2>
        <p className="fq-body-text">{topic.description}</p>
        {topic.photoIds.length > 0 && (
          <div className="fq-delib-receipts">
            {topic.photoIds.map((p) => (
              <img key={p} src={`/api/photos/${p}/thumbnail`} alt="" />
            ))}
          </div>
        )}
        <StepsBar step={topic.step} />
        <div className="fq-delib-actions">
          <Tag color="primary" fill="outline">
            {t('delib.supports', { n: topic.supportCount })}
          </Tag>
          {topic.step === 'declined' || topic.step === 'merged' ? (
            <Tag color="default">{t(`delib.step.${topic.step}`)}</Tag>
          ) : null}
        </div>
        {topic.canSupport && (
          <Button block color="primary" className="fq-gap-top" loading={busy} onClick={() => void send('support')}>
            {t('delib.topic.support')}
          </Button>
        )}
        {topic.mySupport && <p className="fq-cs-meta fq-gap-top">{t('delib.topic.supported')}</p>}
      </article>
      {(topic.conclusion || topic.publicReason || topic.actionParty) && (
        <section className="fq-card">
          {topic.publicReason && (
            <>
              <h3 className="fq-card-title">{t('delib.topic.reason')}</h3>
              <p className="fq-body-text">{topic.publicReason}</p>
            </>
          )}
          {topic.conclusion && (
            <>
              <h3 className="fq-card-title">{t('delib.topic.conclusion')}</h3>
              <p className="fq-body-text">{topic.conclusion}</p>
            </>
          )}
          {topic.actionParty && <p className="fq-cs-meta">{t('delib.topic.action', { party: topic.actionParty })}</p>}
        </section>
      )}
      {topic.votes.length > 0 && (
        <section className="fq-card">
          <h3 className="fq-card-title">{t('delib.topic.votes')}</h3>
          {topic.votes.map((v) => (
            <p key={v.id} className="fq-cs-row">
              <Link href={`/votes/${v.id}`}>{v.title}</Link>
              <Tag color={v.result === 'passed' ? 'success' : v.result ? 'danger' : 'primary'}>
                {v.result ? t(`delib.vote.result.${v.result}`) : t('delib.openVotes')}
              </Tag>
            </p>
          ))}
        </section>
      )}
      {topic.fundLines.length > 0 && (
        <section className="fq-card">
          <h3 className="fq-card-title">{t('delib.topic.funds')}</h3>
          {topic.fundLines.map((f) => (
            <p key={f.id} className="fq-cs-row">
              <span>
                {f.spentOn} <span className="fq-cs-meta">{date(f.paidOn)}</span>
              </span>
              <span className="fq-delib-money">{t('delib.topic.yuan', { amount: number(f.amountFen / 100) })}</span>
            </p>
          ))}
        </section>
      )}
      {topic.canRate && (
        <section className="fq-card fq-cs-form" aria-label={t('delib.topic.rate')}>
          {topic.myRating !== null && <p className="fq-cs-meta">{t('delib.topic.rated', { score: topic.myRating })}</p>}
          <Choice
            legend={t('delib.topic.rate')}
            options={SCORES}
            value={score === 0 ? null : (String(score) as (typeof SCORES)[number])}
            onChange={(value) => setScore(Number(value))}
            label={(value) => t(`delib.topic.score.${value}`)}
          />
          <textarea
            className="fq-textarea"
            aria-label={t('delib.topic.comment')}
            placeholder={t('delib.topic.comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            maxLength={500}
            rows={2}
          />
          <Button
            block
            color="primary"
            className="fq-gap-top"
            disabled={score === 0}
            loading={busy}
            onClick={() => void send('rate', { score, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
          >
            {t('delib.topic.rateSubmit')}
          </Button>
        </section>
      )}
    </>
  );
}
