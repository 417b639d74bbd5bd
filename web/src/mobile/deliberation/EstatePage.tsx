import { Button, ErrorBlock, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { SignInFirst } from '../community/SignInFirst.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { useHome, useMyTopics, useMyVotes } from './delib-queries.ts';
import { StepsBar } from './StepsBar.tsx';

/** My estate's topics, the votes open to my household, proposing, and the estate's public notice board. */
export function EstatePage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Estate />
      </SignInFirst>
    </main>
  );
}

function Estate() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <QueryState query={useHome()}>
      {(home) =>
        !home.estateId ? (
          <ErrorBlock status="empty" title={t('delib.noHome')} description="" />
        ) : (
          <>
            <p className="fq-cs-intro">{t('delib.intro', { estate: home.estateName ?? '' })}</p>
            <div className="fq-cs-entries">
              <Button block color="primary" size="large" onClick={() => navigate('/propose')}>
                {t('delib.propose')}
              </Button>
              <Link href={`/public/${home.estateId}`} className="fq-entry">
                <span className="fq-entry-text">
                  <span className="fq-entry-title">{t('delib.publicPage')}</span>
                </span>
                <RightOutline aria-hidden className="fq-entry-arrow" />
              </Link>
            </div>
            <OpenVotes />
            <Topics />
          </>
        )
      }
    </QueryState>
  );
}

function OpenVotes() {
  const { t, date } = useI18n();
  const votes = useMyVotes();
  const open = (votes.data ?? []).filter((v) => v.status === 'open');
  if (open.length === 0) return null;
  return (
    <section aria-label={t('delib.openVotes')}>
      <h2 className="fq-label fq-delib-heading">{t('delib.openVotes')}</h2>
      <ul className="fq-cs-list">
        {open.map((v) => (
          <li key={v.id} className="fq-card">
            <Link href={`/votes/${v.id}`} className="fq-cs-link">
              <span className="fq-cs-row">
                <span className="fq-cs-name">{v.title}</span>
                <Tag color={v.myBallot ? 'success' : 'warning'} fill="outline">
                  {v.myBallot ? t('delib.vote.cast', { choice: t(`delib.vote.choice.${v.myBallot}`) }) : t('delib.openVotes')}
                </Tag>
              </span>
              <span className="fq-cs-meta">{t('delib.vote.closes', { date: date(v.closesAt) })}</span>
              <RightOutline aria-hidden className="fq-entry-arrow" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Topics() {
  const { t } = useI18n();
  return (
    <section aria-label={t('delib.topics')}>
      <h2 className="fq-label fq-delib-heading">{t('delib.topics')}</h2>
      <QueryState query={useMyTopics()}>
        {(topics) =>
          topics.length === 0 ? (
            <ErrorBlock status="empty" title={t('delib.none')} description="" />
          ) : (
            <ul className="fq-cs-list">
              {topics.map((topic) => (
                <li key={topic.id} className="fq-card">
                  <Link href={`/topics/${topic.id}`} className="fq-cs-link">
                    <span className="fq-cs-name">{topic.title}</span>
                    <span className="fq-cs-meta">
                      {topic.number} · {topic.buildingName ?? topic.estateName} · {t('delib.supports', { n: topic.supportCount })}
                    </span>
                    <StepsBar step={topic.step} />
                    <RightOutline aria-hidden className="fq-entry-arrow" />
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
