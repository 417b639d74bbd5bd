import { ErrorBlock, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useLocation, useParams } from 'wouter';
import type { PublicEstate } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { usePublicEstate, usePublicEstates } from './delib-queries.ts';
import { StepsBar } from './StepsBar.tsx';

/** The street's estates, each opening its public notice board; no account needed. */
export function PublicEstatesPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.public.title')} onBack={() => navigate('~/')} />
      <h2 className="fq-label fq-delib-heading">{t('delib.public.estates')}</h2>
      <QueryState query={usePublicEstates()}>
        {(estates) => (
          <ul className="fq-cs-list">
            {estates.map((e) => (
              <li key={e.id} className="fq-card">
                <Link href={`/public/${e.id}`} className="fq-cs-link">
                  <span className="fq-cs-name">{e.name}</span>
                  <span className="fq-cs-meta">
                    {e.communityName} · {t('delib.public.topicsCount', { n: e.topicCount, open: e.openTopicCount })}
                  </span>
                  <RightOutline aria-hidden className="fq-entry-arrow" />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </main>
  );
}

/** One estate's notice board: topics and their steps, resolutions, votes, every fund line with its receipts. */
export function PublicEstatePage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.public.title')} onBack={() => navigate('/public')} />
      <QueryState query={usePublicEstate(id)}>{(estate) => <Board estate={estate} />}</QueryState>
    </main>
  );
}

function Board({ estate }: { estate: PublicEstate }) {
  const { t, date, number } = useI18n();
  const none = <p className="fq-cs-meta">{t('delib.public.none')}</p>;
  return (
    <>
      <p className="fq-cs-intro">
        <strong>{estate.name}</strong> · {estate.streetName} {estate.communityName}
      </p>
      <section className="fq-card" aria-label={t('delib.public.topics')}>
        <h2 className="fq-card-title">{t('delib.public.topics')}</h2>
        {estate.topics.length === 0 && <ErrorBlock status="empty" title={t('delib.public.none')} description="" />}
        <ul className="fq-cs-list">
          {estate.topics.slice(0, 30).map((topic) => (
            <li key={topic.id} className="fq-gap-top">
              <span className="fq-cs-row">
                <span className="fq-cs-name">{topic.title}</span>
                <Tag
                  color={topic.step === 'closed' ? 'success' : topic.step === 'declined' ? 'danger' : 'primary'}
                  fill="outline"
                >
                  {t(`delib.step.${topic.step}`)}
                </Tag>
              </span>
              <span className="fq-cs-meta">
                {topic.number} · {topic.buildingName ?? estate.name} · {t('delib.supports', { n: topic.supportCount })}
                {topic.ratingAverage !== null ? ` · ★ ${topic.ratingAverage.toFixed(1)}` : ''}
              </span>
              <StepsBar step={topic.step} />
              <span className="fq-cs-meta">
                {topic.steps.map((s) => `${t(`delib.step.${s.step}`)} ${date(s.at)}`).join(' → ')}
              </span>
              {topic.publicReason && (
                <p className="fq-cs-meta">
                  {t('delib.topic.reason')}：{topic.publicReason}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="fq-card" aria-label={t('delib.public.resolutions')}>
        <h2 className="fq-card-title">{t('delib.public.resolutions')}</h2>
        {estate.resolutions.length === 0 && none}
        {estate.resolutions.slice(0, 20).map((r) => (
          <p key={r.id} className="fq-body-text">
            {r.text}
            <br />
            <span className="fq-cs-meta">
              {r.ownerParty} · {t('delib.public.due', { date: date(r.dueOn) })}{' '}
            </span>
            <Tag color={r.done ? 'success' : 'warning'} fill="outline">
              {r.done ? t('delib.public.done') : t('delib.public.pending')}
            </Tag>
          </p>
        ))}
      </section>
      <section className="fq-card" aria-label={t('delib.public.votes')}>
        <h2 className="fq-card-title">{t('delib.public.votes')}</h2>
        {estate.votes.length === 0 && none}
        {estate.votes.map((v) => (
          <p key={v.number} className="fq-body-text">
            <span className="fq-cs-row">
              <span>{v.title}</span>
              <Tag color={v.tally?.result === 'passed' ? 'success' : v.tally ? 'danger' : 'primary'}>
                {v.tally ? t(`delib.vote.result.${v.tally.result}`) : t('delib.openVotes')}
              </Tag>
            </span>
            {v.tally && (
              <span className="fq-cs-meta">
                {t('delib.public.turnout', {
                  n: v.tally.participating.households,
                  total: v.tally.electorate.households,
                  yes: v.tally.yes.households,
                })}
              </span>
            )}
          </p>
        ))}
      </section>
      <section className="fq-card" aria-label={t('delib.public.funds')}>
        <h2 className="fq-card-title">{t('delib.public.funds')}</h2>
        <p className="fq-body-text">
          <strong>{t('delib.public.total', { amount: number(estate.funds.totalFen / 100) })}</strong>
        </p>
        {estate.funds.lines.length === 0 && none}
        {estate.funds.lines.slice(0, 30).map((f) => (
          <div key={f.id} className="fq-gap-top">
            <span className="fq-cs-row">
              <span>{f.spentOn}</span>
              <span className="fq-delib-money">{t('delib.topic.yuan', { amount: number(f.amountFen / 100) })}</span>
            </span>
            <span className="fq-cs-meta">
              {t(`delib.source.${f.source}`)} · {date(f.paidOn)}
              {f.topicNumber ? ` · ${f.topicNumber}` : ''}
            </span>
            {f.receiptPhotoIds.length > 0 && (
              <div className="fq-delib-receipts">
                {f.receiptPhotoIds.map((p, i) => (
                  <a key={p} href={`/api/photos/${p}`} target="_blank" rel="noreferrer">
                    <img src={`/api/photos/${p}/thumbnail`} alt={t('delib.public.receipt', { n: i + 1 })} />
                  </a>
                ))}
              </div>
            )}
          </div>
        ))}
      </section>
      <p className="fq-delib-privacy">{t('delib.public.privacy')}</p>
    </>
  );
}
