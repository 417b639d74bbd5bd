import { Button, Dialog, Tag } from 'antd-mobile';
import { CheckCircleFill, ExclamationCircleOutline } from 'antd-mobile-icons';
import { type ReactNode, useEffect, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { distanceMetres, FAR_CHECKIN_METRES, type PatrolPlan } from '../../shared/patrol-types.ts';
import type { Category } from '../../shared/types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { Loading, QueryState } from '../QueryState.tsx';
import { preloadCompressor } from '../report/compress.ts';
import { CheckinForm } from './CheckinForm.tsx';
import { FindingForm } from './FindingForm.tsx';
import { newUuid } from './geo.ts';
import { useHazardCategories, useMyPlans } from './patrol-queries.ts';
import { addFinding, checkIn, finishRun, type RunDraft, startRun } from './run-draft.ts';
import { useOpenRun } from './run-hooks.ts';
import { keepPhoto } from './run-store.ts';
import { SyncStatus } from './SyncStatus.tsx';

type View = { kind: 'points' } | { kind: 'checkin'; pointId: string } | { kind: 'finding'; pointId?: string } | { kind: 'done' };

/** Walking a plan: start, check in at each point, record findings, finish; offline or online alike. */
export default function RunPage() {
  const { t } = useI18n();
  const { planId } = useParams<{ planId: string }>();
  const [, navigate] = useLocation();
  const plans = useMyPlans();
  const categories = useHazardCategories();
  // Load the photo compressor while there is network: the round may lead into a basement.
  useEffect(() => preloadCompressor(), []);
  return (
    <main className="fq-page fq-patrol">
      <PageHeader title={t('patrol.run.title')} onBack={() => navigate('/')} />
      <SyncStatus />
      <QueryState query={plans}>
        {(items) => {
          const plan = items.find((p) => p.id === planId);
          if (!plan) return <p className="fq-card">{t('patrol.run.noPlan')}</p>;
          if (!categories.data) return <Loading />;
          return <Run plan={plan} categories={categories.data} />;
        }}
      </QueryState>
    </main>
  );
}

function Run({ plan, categories }: { plan: PatrolPlan; categories: Category[] }) {
  const { t, dateTime, number } = useI18n();
  const { draft, begin, step } = useOpenRun(plan.id);
  const [view, setView] = useState<View>({ kind: 'points' });
  const [error, setError] = useState<string | null>(null);

  if (draft === undefined) return <Loading />;
  if (view.kind === 'done') return <Finished />;
  if (!draft) {
    return (
      <section className="fq-card">
        <h2 className="fq-card-title">{plan.name}</h2>
        <p className="fq-body-text">
          {t(`patrol.frequency.${plan.frequency}`)} · {t('patrol.plans.points', { n: number(plan.points.length) })}
        </p>
        <ol className="fq-run-preview">
          {plan.points.map((point) => (
            <li key={point.id}>{point.name}</li>
          ))}
        </ol>
        <Button
          block
          color="primary"
          size="large"
          onClick={() =>
            void begin(startRun({ clientId: newUuid(), planId: plan.id, planName: plan.name, at: new Date().toISOString() }))
          }
        >
          {t('patrol.run.start')}
        </Button>
      </section>
    );
  }

  const guard = async (action: () => Promise<void>) => {
    try {
      setError(null);
      await action();
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  if (view.kind === 'checkin') {
    const point = plan.points.find((p) => p.id === view.pointId);
    if (!point) return null;
    return (
      <CheckinForm
        point={point}
        checklist={plan.checklist}
        earlier={draft.checkins.find((c) => c.pointId === point.id)}
        onCancel={() => setView({ kind: 'points' })}
        onSave={(checkin) =>
          guard(async () => {
            await step((d) => checkIn(d, { ...checkin, clientId: newUuid() }));
            setView({ kind: 'points' });
          })
        }
      />
    );
  }

  if (view.kind === 'finding') {
    return (
      <FindingForm
        categories={categories}
        points={plan.points}
        pointId={view.pointId}
        onCancel={() => setView({ kind: 'points' })}
        onSave={(finding, photos) =>
          guard(async () => {
            for (const photo of photos) await keepPhoto(photo.id, photo.blob);
            const photoRefs = photos.map((photo) => ({ key: photo.id }));
            await step((d) => addFinding(d, { ...finding, clientId: newUuid(), photos: photoRefs }));
            setView({ kind: 'points' });
          })
        }
      />
    );
  }

  const finish = async () => {
    const left = plan.points.length - draft.checkins.length;
    const confirmed = await Dialog.confirm({
      title: t('patrol.run.finishTitle'),
      content: left > 0 ? t('patrol.run.finishLeft', { n: number(left) }) : t('patrol.run.finishAll'),
      confirmText: t('patrol.run.finish'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    await guard(async () => {
      await step((d) => finishRun(d, new Date().toISOString()));
      setView({ kind: 'done' });
    });
  };

  return (
    <>
      <section className="fq-card fq-run-head">
        <h2 className="fq-card-title">{plan.name}</h2>
        <p className="fq-hint-inline">
          {t('patrol.run.startedAt', { time: dateTime(draft.startedAt) })} ·{' '}
          {t('patrol.run.progress', { done: number(draft.checkins.length), total: number(plan.points.length) })}
        </p>
        {draft.errorCode && (
          <p className="fq-field-error" role="alert">
            {errorMessage(t, { code: draft.errorCode })}
          </p>
        )}
      </section>
      {error && (
        <p className="fq-field-error fq-run-error" role="alert">
          {error}
        </p>
      )}
      <ol className="fq-points">
        {plan.points.map((point) => (
          <PointRow
            key={point.id}
            point={point}
            draft={draft}
            onCheckIn={() => setView({ kind: 'checkin', pointId: point.id })}
            onFinding={() => setView({ kind: 'finding', pointId: point.id })}
          />
        ))}
      </ol>
      {draft.findings.length > 0 && (
        <section className="fq-section" aria-labelledby="fq-run-findings">
          <h2 id="fq-run-findings" className="fq-label">
            {t('patrol.run.findings', { n: number(draft.findings.length) })}
          </h2>
          <ul className="fq-run-findings">
            {draft.findings.map((finding) => (
              <li key={finding.clientId} className="fq-run-finding">
                <ExclamationCircleOutline aria-hidden />
                <span>{finding.description}</span>
                <Tag color={finding.level === 'major' ? 'danger' : 'warning'}>{t(`patrol.level.${finding.level}`)}</Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="fq-patrol-buttons fq-run-actions">
        <Button onClick={() => setView({ kind: 'finding' })}>{t('patrol.run.record')}</Button>
        <Button color="primary" onClick={() => void finish()}>
          {t('patrol.run.finish')}
        </Button>
      </div>
    </>
  );
}

function PointRow({
  point,
  draft,
  onCheckIn,
  onFinding,
}: {
  point: PatrolPlan['points'][number];
  draft: RunDraft;
  onCheckIn: () => void;
  onFinding: () => void;
}) {
  const { t, number, dateTime } = useI18n();
  const checkin = draft.checkins.find((c) => c.pointId === point.id);
  const distance =
    checkin?.lon !== undefined && checkin.lat !== undefined
      ? Math.round(distanceMetres({ lon: checkin.lon, lat: checkin.lat }, point))
      : null;
  let status: ReactNode = <span className="fq-hint-inline">{t('patrol.run.notYet')}</span>;
  if (checkin) {
    status = (
      <span className="fq-hint-inline">
        {t('patrol.run.checkedIn', { time: dateTime(checkin.at) })}
        {distance !== null && (
          <span className={distance > FAR_CHECKIN_METRES ? 'fq-far' : undefined}>
            {' '}
            · {t('patrol.checkin.distance', { m: number(distance) })}
          </span>
        )}
      </span>
    );
  }
  return (
    <li className={`fq-point${checkin ? ' fq-point-done' : ''}`}>
      <div className="fq-point-text">
        <span className="fq-point-name">
          {checkin && <CheckCircleFill aria-hidden className="fq-point-tick" />}
          {point.name}
        </span>
        {status}
      </div>
      <div className="fq-point-actions">
        <Button
          size="small"
          color={checkin ? 'default' : 'primary'}
          onClick={onCheckIn}
          aria-label={t('patrol.run.checkInAt', { point: point.name })}
        >
          {checkin ? t('patrol.run.again') : t('patrol.run.checkIn')}
        </Button>
        <Button size="small" fill="none" onClick={onFinding} aria-label={t('patrol.run.recordAt', { point: point.name })}>
          {t('patrol.run.hazard')}
        </Button>
      </div>
    </li>
  );
}

function Finished() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <section className="fq-card fq-run-done" data-testid="run-finished">
      <CheckCircleFill aria-hidden className="fq-run-done-icon" />
      <h2 className="fq-card-title">{t('patrol.run.doneTitle')}</h2>
      <p className="fq-body-text">{t('patrol.run.doneText')}</p>
      <div className="fq-patrol-buttons">
        <Button onClick={() => navigate('/findings')}>{t('patrol.findings.title')}</Button>
        <Button color="primary" onClick={() => navigate('/')}>
          {t('patrol.run.backHome')}
        </Button>
      </div>
    </section>
  );
}
