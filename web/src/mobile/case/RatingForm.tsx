import { Button } from 'antd-mobile';
import { StarFill } from 'antd-mobile-icons';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import './case.css';
import './messages.ts';

const STARS = [1, 2, 3, 4, 5] as const;

/** Stars as five radio buttons (arrow keys and screen readers work), a comment and one button. */
export function RatingForm({ onRate }: { onRate: (rating: number, comment: string) => Promise<void> }) {
  const { t } = useI18n();
  const id = useId();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rating) {
      setError(t('caseView.rate.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRate(rating, comment.trim());
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-card fq-rating" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('caseView.rate.title')}
      </h2>
      <p className="fq-field-hint">{t('caseView.rate.hint')}</p>
      <fieldset className="fq-stars">
        <legend className="fq-visually-hidden">{t('caseView.rate.stars')}</legend>
        {STARS.map((n) => (
          <label key={n} className={`fq-star${n <= rating ? ' fq-star-on' : ''}`}>
            <input type="radio" name={`${id}-stars`} value={n} checked={rating === n} onChange={() => setRating(n)} />
            <StarFill aria-hidden fontSize={34} />
            <span className="fq-visually-hidden">{t(`caseView.rate.word.${n}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="fq-rating-word" aria-hidden>
        {rating ? t(`caseView.rate.word.${rating}`) : t('caseView.rate.pick')}
      </p>
      <label htmlFor={`${id}-comment`} className="fq-sublabel">
        {t('caseView.rate.comment')}
      </label>
      <textarea
        id={`${id}-comment`}
        className="fq-textarea"
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <Button block color="primary" type="submit" loading={busy}>
        {t('caseView.rate.submit')}
      </Button>
    </form>
  );
}

/** A rating already given, shown back to the reporter and to staff. */
export function RatingShown({ rating, comment }: { rating: number; comment?: string | null }) {
  const { t } = useI18n();
  return (
    <div className="fq-rating-shown">
      <span className="fq-stars-shown" role="img" aria-label={t('caseView.rate.given', { n: rating })}>
        {STARS.map((n) => (
          <StarFill key={n} aria-hidden className={n <= rating ? 'fq-star-on' : ''} />
        ))}
      </span>
      <span>{t(`caseView.rate.word.${rating}`)}</span>
      {comment && <p className="fq-step-note">{comment}</p>}
    </div>
  );
}
