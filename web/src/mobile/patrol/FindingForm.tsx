import { Button } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { HAZARD_LEVEL_LIST, type HazardLevel, type PatrolPlan } from '../../shared/patrol-types.ts';
import type { Category } from '../../shared/types.ts';
import { CategoryPicker } from '../report/CategoryPicker.tsx';
import { Choice } from '../report/Choice.tsx';
import { type LocalPhoto, PhotoPicker } from '../report/PhotoPicker.tsx';
import { currentPosition } from './geo.ts';
import type { DraftFinding } from './run-draft.ts';

type Point = PatrolPlan['points'][number];

interface Props {
  categories: Category[];
  points: Point[];
  /** The point the finding was made at, when recorded from a point. */
  pointId: string | undefined;
  onSave: (finding: Omit<DraftFinding, 'clientId' | 'photos'>, photos: LocalPhoto[]) => Promise<void>;
  onCancel: () => void;
}

/** A hazard found on the round: its type and level, what it is, photos; placed where the phone is. */
export function FindingForm({ categories, points, pointId, onSave, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [level, setLevel] = useState<HazardLevel>('general');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [errors, setErrors] = useState<{ category?: string; description?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(categoryId ? {} : { category: t('patrol.finding.categoryMissing') }),
      ...(description.trim() ? {} : { description: t('patrol.finding.descriptionMissing') }),
    };
    setErrors(found);
    if (!categoryId || !description.trim()) return;
    setBusy(true);
    // Where the phone is; without a fix, the point it was recorded at (or the plan's first).
    const fallback = points.find((p) => p.id === pointId) ?? points[0];
    const where = (await currentPosition()) ?? (fallback ? { lon: fallback.lon, lat: fallback.lat } : { lon: 0, lat: 0 });
    await onSave(
      {
        ...(pointId ? { pointId } : {}),
        categoryId,
        level,
        description: description.trim(),
        lon: where.lon,
        lat: where.lat,
        at: new Date().toISOString(),
      },
      photos,
    );
    setBusy(false);
  }

  return (
    <form className="fq-card fq-finding" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('patrol.finding.title')}
      </h2>
      <CategoryPicker categories={categories} value={categoryId} onChange={setCategoryId} error={errors.category} />
      <Choice
        legend={t('patrol.finding.level')}
        options={HAZARD_LEVEL_LIST}
        value={level}
        onChange={setLevel}
        label={(value) => t(`patrol.level.${value}`)}
      />
      <div className="fq-field">
        <label htmlFor={`${id}-text`} className="fq-legend">
          {t('patrol.finding.description')}
        </label>
        <textarea
          id={`${id}-text`}
          className="fq-textarea"
          rows={3}
          maxLength={2000}
          value={description}
          aria-invalid={Boolean(errors.description)}
          onChange={(event) => setDescription(event.target.value)}
        />
        {errors.description && (
          <p className="fq-field-error" role="alert">
            {errors.description}
          </p>
        )}
      </div>
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        max={9}
        legend={t('patrol.finding.photos')}
        hint={t('patrol.finding.photosHint')}
      />
      <div className="fq-patrol-buttons">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button color="primary" type="submit" loading={busy}>
          {t('patrol.finding.save')}
        </Button>
      </div>
    </form>
  );
}
