import { Button } from 'antd-mobile';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import {
  CHECK_ANSWER_LIST,
  type CheckAnswer,
  distanceMetres,
  FAR_CHECKIN_METRES,
  type PatrolPlan,
} from '../../shared/patrol-types.ts';
import { Choice } from '../report/Choice.tsx';
import { currentPosition, type Position } from './geo.ts';
import type { DraftCheckin } from './run-draft.ts';

type Point = PatrolPlan['points'][number];

interface Props {
  point: Point;
  checklist: PatrolPlan['checklist'];
  earlier: DraftCheckin | undefined;
  onSave: (checkin: Omit<DraftCheckin, 'clientId'>) => Promise<void>;
  onCancel: () => void;
}

/** Checking in at a point: where the phone is (and how far from the point), the checklist, a note. */
export function CheckinForm({ point, checklist, earlier, onSave, onCancel }: Props) {
  const { t, number } = useI18n();
  const id = useId();
  const [position, setPosition] = useState<Position | null | 'locating'>('locating');
  const [answers, setAnswers] = useState<Record<string, CheckAnswer>>(earlier?.checklist ?? {});
  const [note, setNote] = useState(earlier?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const locate = () => {
    setPosition('locating');
    void currentPosition(0).then(setPosition);
  };
  useEffect(locate, []);

  const distance = position && position !== 'locating' ? Math.round(distanceMetres(position, point)) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (checklist.some((item) => !answers[item.code])) {
      setError(t('patrol.checkin.checklistMissing'));
      return;
    }
    setBusy(true);
    const where = position && position !== 'locating' ? position : null;
    await onSave({
      pointId: point.id,
      at: new Date().toISOString(),
      ...(where ? { lon: where.lon, lat: where.lat, accuracyM: where.accuracyM } : {}),
      checklist: answers,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
  }

  return (
    <form className="fq-card fq-checkin" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('patrol.checkin.title', { point: point.name })}
      </h2>
      <div className={`fq-distance${distance !== null && distance > FAR_CHECKIN_METRES ? ' fq-distance-far' : ''}`} role="status">
        {position === 'locating' && t('patrol.checkin.locating')}
        {position === null && t('patrol.checkin.noPosition')}
        {distance !== null && (
          <>
            <strong data-testid="checkin-distance">{t('patrol.checkin.distance', { m: number(distance) })}</strong>
            <span className="fq-hint-inline">
              {distance > FAR_CHECKIN_METRES ? t('patrol.checkin.far') : t('patrol.checkin.near')}
            </span>
          </>
        )}
        {position !== 'locating' && (
          <Button size="mini" fill="none" color="primary" onClick={locate}>
            {t('patrol.checkin.relocate')}
          </Button>
        )}
      </div>
      {checklist.map((item) => (
        <Choice
          key={item.code}
          legend={item.label}
          options={CHECK_ANSWER_LIST}
          value={answers[item.code] ?? null}
          onChange={(answer) => setAnswers({ ...answers, [item.code]: answer })}
          label={(answer) => t(`patrol.answer.${answer}`)}
        />
      ))}
      <div className="fq-field">
        <label htmlFor={`${id}-note`} className="fq-legend">
          {t('patrol.checkin.note')} <span className="fq-optional">{t('patrol.optional')}</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="fq-textarea"
          rows={2}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <div className="fq-patrol-buttons">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button color="primary" type="submit" loading={busy}>
          {t('patrol.checkin.save')}
        </Button>
      </div>
    </form>
  );
}
