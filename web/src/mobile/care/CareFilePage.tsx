import { Button, ErrorBlock, ImageViewer } from 'antd-mobile';
import { useLocation, useParams } from 'wouter';
import { ApiError } from '../../shared/api.ts';
import type { CareFile, CareVisit } from '../../shared/care-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { Loading } from '../QueryState.tsx';
import { useCareFile } from './care-queries.ts';
import { DueText } from './DueText.tsx';

/** One person's file as the visitor needs it: who, where, how to reach them, how often to visit, and every visit. */
export default function CareFilePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const file = useCareFile(id);
  const back = () => navigate('/');
  if (file.isPending) return <Loading />;
  if (file.isError) {
    const missing = file.error instanceof ApiError && file.error.status === 404;
    return (
      <main className="fq-page">
        <PageHeader title={t('care.file.title')} onBack={back} />
        <ErrorBlock
          status={missing ? 'empty' : 'disconnected'}
          title={missing ? t('care.file.notFound') : errorMessage(t, file.error)}
        />
      </main>
    );
  }
  const f = file.data;
  return (
    <main className="fq-page fq-care-file">
      <PageHeader title={t('care.file.title')} onBack={back} />
      <section className="fq-card">
        <div className="fq-care-item-head">
          <h2 className="fq-care-file-name">{f.name}</h2>
          {f.age !== null && <span className="fq-care-age">{t('care.age', { age: f.age })}</span>}
          <span className={`fq-care-risk fq-care-risk-${f.riskLevel}`}>{t(`care.risk.${f.riskLevel}`)}</span>
        </div>
        <p className="fq-care-groups">
          {f.number} · {f.groups.map((g) => t(`care.group.${g}`)).join(' · ')}
        </p>
        <Facts file={f} />
      </section>
      {f.status === 'active' ? (
        <div className="fq-care-cta">
          <Button block color="primary" size="large" onClick={() => navigate(`/files/${f.id}/visit`)}>
            {t('care.file.log')}
          </Button>
        </div>
      ) : (
        <p className="fq-care-note">{t('care.file.closed')}</p>
      )}
      <section className="fq-card" aria-labelledby="care-visits">
        <h2 id="care-visits" className="fq-card-title">
          {t('care.file.visits')}
        </h2>
        {f.visits.length === 0 ? <p className="fq-hint-inline">{t('care.file.noVisits')}</p> : <Visits visits={f.visits} />}
      </section>
    </main>
  );
}

function Facts({ file: f }: { file: CareFile }) {
  const { t, date } = useI18n();
  const rows: [string, React.ReactNode][] = [
    [
      t('care.file.phone'),
      f.phone ? (
        <a key="tel" href={`tel:${f.phone}`}>
          {f.phone}
        </a>
      ) : (
        '—'
      ),
    ],
    [t('care.file.address'), `${f.communityName} ${f.address}`],
    [t('care.file.guardian'), f.guardianName ? `${f.guardianName} ${f.guardianPhone ?? ''}` : '—'],
    [
      t('care.file.rule'),
      f.rule ? t(`care.${f.rule.every === 1 ? 'unitOne' : 'unit'}.${f.rule.unit}`, { n: f.rule.every }) : '—',
    ],
    [t('care.file.lastVisit'), f.lastVisitDate ? date(f.lastVisitDate) : t('care.neverVisited')],
    [t('care.file.nextDue'), <DueText key="due" status={f.dueStatus} date={f.nextDueDate} />],
    ...(f.situation ? ([[t('care.file.situation'), f.situation]] as [string, React.ReactNode][]) : []),
    ...(f.riskNote ? ([[t('care.file.riskNote'), f.riskNote]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <dl className="fq-care-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Visits({ visits }: { visits: CareVisit[] }) {
  const { t, dateTime, date } = useI18n();
  return (
    <ol className="fq-care-visits">
      {visits.map((v) => (
        <li key={v.id}>
          <div className="fq-care-visit-head">
            <time dateTime={v.visitedAt}>{dateTime(v.visitedAt)}</time>
            <span className={v.onTime ? 'fq-care-ontime' : 'fq-care-late'}>
              {v.onTime ? t('care.file.onTime') : t('care.file.late')}
            </span>
          </div>
          <p className="fq-care-visit-meta">
            {t(`care.method.${v.method}`)} · {t(`care.wellbeing.${v.wellbeing}`)} · {v.visitorName} ·{' '}
            {t('care.file.dueWas', { date: date(v.dueDate) })}
          </p>
          <p className="fq-body-text">{v.observations}</p>
          {v.needs.length > 0 && <p className="fq-care-groups">{v.needs.map((n) => t(`care.need.${n}`)).join(' · ')}</p>}
          {v.campaignName && <p className="fq-care-tagline">{t('care.file.campaign', { name: v.campaignName })}</p>}
          {v.followUpCaseNumber && <p className="fq-care-tagline">{t('care.file.followUp', { number: v.followUpCaseNumber })}</p>}
          {v.photos.length > 0 && (
            <ul className="fq-care-thumbs">
              {v.photos.map((photo, index) => (
                <li key={photo.id}>
                  <button
                    type="button"
                    onClick={() => ImageViewer.Multi.show({ images: v.photos.map((p) => p.url), defaultIndex: index })}
                  >
                    <img src={photo.thumbnailUrl} alt="" />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
