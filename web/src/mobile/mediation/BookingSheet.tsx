import { useQueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Slot, Studio } from '../../shared/mediation-types.ts';
import { useBookingActions } from './mediation-queries.ts';
import { slotWords } from './mediation-time.ts';

const TOPIC_MAX = 500;

interface Props {
  studio: Studio;
  slot: Slot;
  signedIn: boolean;
  onCancel: () => void;
  onBooked: () => void;
}

/** The chosen slot: a guest is asked to sign in first; a signed-in person says what it is about and books it. */
export function BookingSheet({ studio, slot, signedIn, onCancel, onBooked }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const { book } = useBookingActions();
  const text = useRef<HTMLTextAreaElement>(null);
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (signedIn) text.current?.focus();
  }, [signedIn]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!topic.trim()) {
      setError(t('mediation.book.topicMissing'));
      text.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await book(studio.id, slot.start, topic.trim());
      Toast.show({ icon: 'success', content: t('mediation.book.done') });
      onBooked();
    } catch (caught) {
      setError(errorMessage(t, caught));
      // Someone took the last place meanwhile: show the slots as they are now.
      if (caught instanceof ApiError && caught.status === 409)
        void client.invalidateQueries({ queryKey: ['mediation', 'slots'] });
    } finally {
      setBusy(false);
    }
  }

  const back = `/mediation/${studio.id}?slot=${encodeURIComponent(slot.start)}`;
  return (
    <form className="fq-med-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="fq-med-sheet-title">
        {t('mediation.book.title')}
      </h2>
      <dl className="fq-med-summary">
        <div>
          <dt>{t('mediation.book.when')}</dt>
          <dd>{slotWords(slot.start, slot.end, t, locale)}</dd>
        </div>
        <div>
          <dt>{t('mediation.book.where')}</dt>
          <dd>
            {studio.name}
            <span className="fq-med-summary-sub">{studio.address}</span>
          </dd>
        </div>
        {slot.mediatorName && (
          <div>
            <dt>{t('mediation.book.with')}</dt>
            <dd>{slot.mediatorName}</dd>
          </div>
        )}
      </dl>
      {signedIn ? (
        <>
          <div className="fq-med-field">
            <label htmlFor={`${id}-topic`} className="fq-legend">
              {t('mediation.book.topic')}
            </label>
            <textarea
              ref={text}
              id={`${id}-topic`}
              className="fq-textarea"
              rows={3}
              maxLength={TOPIC_MAX}
              value={topic}
              placeholder={t('mediation.book.topicPlaceholder')}
              aria-invalid={Boolean(error)}
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                setTopic(event.target.value);
                if (error === t('mediation.book.topicMissing')) setError(null);
              }}
            />
            <p id={`${id}-hint`} className="fq-field-hint">
              {t('mediation.book.topicHint')}
            </p>
          </div>
          {error && (
            <p className="fq-field-error fq-med-error" role="alert">
              {error}
            </p>
          )}
          <div className="fq-med-buttons">
            <Button fill="outline" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button color="primary" type="submit" loading={busy}>
              {t('mediation.book.submit')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="fq-med-guest">{t('mediation.book.guest')}</p>
          <div className="fq-med-buttons">
            <Button fill="outline" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button color="primary" onClick={() => navigate(`~/login?next=${encodeURIComponent(back)}`)}>
              {t('mediation.book.signIn')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
