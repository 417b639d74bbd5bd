import { useQueryClient } from '@tanstack/react-query';
import { Button, Tag, Toast } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { HazardDetail, ReinspectBody } from '../../shared/patrol-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { Choice } from '../report/Choice.tsx';
import { type LocalPhoto, PhotoPicker } from '../report/PhotoPicker.tsx';
import { uploadPhotos } from '../report/submit-report.ts';
import { useHazard } from './patrol-queries.ts';

const RESULTS = ['rectified', 'not_rectified'] as const;
const STAGE_COLORS: Record<HazardDetail['stage'], string> = {
  awaiting_order: 'default',
  rectifying: 'primary',
  awaiting_reinspection: 'warning',
  rectified: 'success',
  closed: 'default',
};

/** A hazard the party says is fixed: what was ordered, and a look on the spot that confirms it or sends it back. */
export default function ReinspectPage() {
  const { t } = useI18n();
  const { caseId } = useParams<{ caseId: string }>();
  const [, navigate] = useLocation();
  const hazard = useHazard(caseId);
  return (
    <main className="fq-page fq-patrol">
      <PageHeader title={t('patrol.reinspect.title')} onBack={() => navigate('/')} />
      <QueryState query={hazard}>{(detail) => <HazardView hazard={detail} />}</QueryState>
    </main>
  );
}

function HazardView({ hazard }: { hazard: HazardDetail }) {
  const { t, date, dateTime } = useI18n();
  const order = hazard.order;
  return (
    <>
      <section className="fq-card">
        <h2 className="fq-card-title">{hazard.title}</h2>
        <p className="fq-hint-inline">
          {hazard.number} · {hazard.categoryName} · {hazard.gridName}
        </p>
        <p className="fq-finding-tags">
          <Tag color={STAGE_COLORS[hazard.stage]} data-testid="hazard-stage">
            {t(`patrol.stage.${hazard.stage}`)}
          </Tag>
          {hazard.level && <Tag color={hazard.level === 'major' ? 'danger' : 'warning'}>{t(`patrol.level.${hazard.level}`)}</Tag>}
        </p>
        {order && (
          <dl className="fq-order">
            <dt>{t('patrol.reinspect.party')}</dt>
            <dd>
              {order.partyName} ({t(`patrol.party.${order.partyKind}`)})
            </dd>
            <dt>{t('patrol.reinspect.requirement')}</dt>
            <dd>{order.requirement}</dd>
            <dt>{t('patrol.reinspect.due')}</dt>
            <dd>{date(order.dueDate)}</dd>
          </dl>
        )}
      </section>
      {hazard.reinspections.length > 0 && (
        <section className="fq-card">
          <h2 className="fq-card-title">{t('patrol.reinspect.history')}</h2>
          <ul className="fq-reinspections">
            {hazard.reinspections.map((r) => (
              <li key={r.id}>
                <Tag color={r.result === 'rectified' ? 'success' : 'danger'}>{t(`patrol.result.${r.result}`)}</Tag>{' '}
                {r.inspectedBy} · {dateTime(r.inspectedAt)}
                {r.note && <p className="fq-body-text">{r.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {hazard.allowed.reinspect ? (
        <ReinspectForm caseId={hazard.caseId} />
      ) : (
        hazard.stage !== 'rectified' && <p className="fq-card fq-hint">{t('patrol.reinspect.notNow')}</p>
      )}
    </>
  );
}

function ReinspectForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const id = useId();
  const client = useQueryClient();
  const [result, setResult] = useState<(typeof RESULTS)[number] | null>(null);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!result) {
      setError(t('patrol.reinspect.resultMissing'));
      return;
    }
    if (result === 'not_rectified' && !note.trim()) {
      setError(t('patrol.reinspect.noteMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { photoIds } = await uploadPhotos(
        photos.map((photo) => photo.blob),
        true,
      );
      const body: ReinspectBody = { result, photoIds, ...(note.trim() ? { note: note.trim() } : {}) };
      const detail = await api<HazardDetail>(`/api/patrols/hazards/${caseId}/reinspect`, { body });
      client.setQueryData(['patrols', 'hazard', caseId], detail);
      void client.invalidateQueries({ queryKey: ['patrols', 'findings'] });
      void client.invalidateQueries({ queryKey: ['patrols', 'hazards'] });
      Toast.show({ icon: 'success', content: t('patrol.reinspect.saved') });
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('patrol.reinspect.formTitle')}
      </h2>
      <Choice
        legend={t('patrol.reinspect.result')}
        options={RESULTS}
        value={result}
        onChange={setResult}
        label={(value) => t(`patrol.result.${value}`)}
      />
      <div className="fq-field">
        <label htmlFor={`${id}-note`} className="fq-legend">
          {t('patrol.reinspect.note')}
        </label>
        <textarea
          id={`${id}-note`}
          className="fq-textarea"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        max={9}
        legend={t('patrol.reinspect.photos')}
        hint={t('patrol.reinspect.photosHint')}
      />
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <Button block color="primary" size="large" type="submit" loading={busy}>
        {t('patrol.reinspect.submit')}
      </Button>
    </form>
  );
}
