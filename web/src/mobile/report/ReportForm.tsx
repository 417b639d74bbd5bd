import { Button } from 'antd-mobile';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Category } from '../../shared/types.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import './messages.ts';
import { type LocalPhoto, PhotoPicker } from './PhotoPicker.tsx';
import { PlacePicker } from './PlacePicker.tsx';
import type { PickedPlace } from './place.ts';
import './report.css';

export type Subcategory = Category['children'][number];

export interface ReportValues {
  category: Subcategory;
  description: string;
  photos: LocalPhoto[];
  place: PickedPlace;
}

interface Props {
  categories: Category[];
  maxPhotos: number;
  photoHint: string;
  submitLabel: string;
  grid?: { id: string; name: string } | undefined;
  /** The caller's own fields, shown before the submit button; they may depend on the chosen category. */
  children?: (category: Subcategory | undefined) => ReactNode;
  onSubmit: (values: ReportValues) => Promise<void>;
}

type Errors = Partial<Record<'category' | 'description' | 'place' | 'form', string>>;
const DESCRIPTION_MAX = 1000;

/** Which part of the form a server's complaint is about, by the field it names. */
function errorsFrom(t: (key: string) => string, error: unknown): Errors {
  const message = errorMessage(t, error);
  const field = error instanceof ApiError ? error.field : undefined;
  if (field === 'categoryId') return { category: message };
  if (field === 'description') return { description: message };
  if (field && ['lon', 'lat', 'buildingId', 'gridId', 'address'].includes(field)) return { place: message };
  return { form: message };
}

/**
 * The report form both residents and grid workers fill in: what kind of problem, what happened,
 * photos, where. Every control has a label, errors are announced and the first one gets focus.
 */
export function ReportForm({ categories, maxPhotos, photoHint, submitLabel, grid, children, onSubmit }: Props) {
  const { t } = useI18n();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const category = categories.flatMap((c) => c.children).find((c) => c.id === categoryId);

  // After a failed attempt, focus moves to the first field in error (or the form's message).
  useEffect(() => {
    if (attempt === 0) return;
    const first = form.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"] input, textarea[aria-invalid="true"], [data-form-error]',
    );
    first?.focus();
  }, [attempt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {
      ...(category ? {} : { category: t('report.category.missing') }),
      ...(description.trim() ? {} : { description: t('report.description.missing') }),
      ...(place ? {} : { place: t('report.place.missing') }),
    };
    setErrors(found);
    if (!category || !place || Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ category, description: description.trim(), photos, place });
    } catch (error) {
      setErrors(errorsFrom(t, error));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const descriptionError = `${id}-description-error`;
  return (
    <form ref={form} className="fq-report-form" noValidate onSubmit={submit}>
      <CategoryPicker categories={categories} value={categoryId} onChange={setCategoryId} error={errors.category} />

      <div className="fq-field">
        <label htmlFor={`${id}-description`} className="fq-legend">
          {t('report.description.label')} <span className="fq-required">{t('report.requiredMark')}</span>
        </label>
        <textarea
          id={`${id}-description`}
          className="fq-textarea"
          rows={4}
          maxLength={DESCRIPTION_MAX}
          value={description}
          placeholder={t('report.description.placeholder')}
          aria-invalid={Boolean(errors.description)}
          aria-describedby={errors.description ? descriptionError : `${id}-description-count`}
          onChange={(event) => setDescription(event.target.value)}
        />
        <p id={`${id}-description-count`} className="fq-field-hint fq-count">
          {t('report.description.count', { n: description.length, max: DESCRIPTION_MAX })}
        </p>
        {errors.description && (
          <p id={descriptionError} className="fq-field-error" role="alert">
            {errors.description}
          </p>
        )}
      </div>

      <PhotoPicker photos={photos} onChange={setPhotos} max={maxPhotos} legend={t('report.photos.legend')} hint={photoHint} />
      <PlacePicker value={place} onChange={setPlace} error={errors.place} grid={grid} />
      {children?.(category)}

      <div className="fq-submit">
        {errors.form && (
          <p className="fq-field-error fq-form-error" role="alert" tabIndex={-1} data-form-error>
            {errors.form}
          </p>
        )}
        <Button block color="primary" size="large" type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
