import { Button } from 'antd-mobile';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { Choice } from '../report/Choice.tsx';
import { type LocalPhoto, PhotoPicker } from '../report/PhotoPicker.tsx';
import { uploadPhotos } from '../report/submit-report.ts';
import './messages.ts';

const CHANNELS = ['call', 'visit', 'message'] as const;
/** The moves that need words from the worker; the others are one confirmation. */
export type FormAction = 'resolve' | 'contact' | 'escalate';
/** The server asks a reason of at least two characters. */
const MIN_TEXT: Record<FormAction, number> = { resolve: 1, contact: 1, escalate: 2 };

interface Props {
  action: FormAction;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel: () => void;
}

/**
 * The words a move needs: what was done (with photos after the work), how the reporter was
 * reached, or why the grid cannot solve it and passes it to the community.
 */
export function ActionForm({ action, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const text = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('call');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => text.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim().length < MIN_TEXT[action]) {
      setError(t(`field.form.${action}.missing`));
      text.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (action === 'resolve') {
        const { photoIds } = await uploadPhotos(
          photos.map((photo) => photo.blob),
          true,
        );
        await onSubmit({ resolution: note.trim(), photoIds });
      } else if (action === 'contact') {
        await onSubmit({ channel, note: note.trim() });
      } else {
        await onSubmit({ to: 'community', reason: note.trim() });
      }
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-action-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="fq-sheet-title">
        {t(`case.action.${action}`)}
      </h2>
      {action === 'escalate' && <p className="fq-field-hint">{t('field.form.escalate.hint')}</p>}
      {action === 'contact' && (
        <Choice
          legend={t('field.form.contact.channel')}
          options={CHANNELS}
          value={channel}
          onChange={setChannel}
          label={(value) => t(`field.form.contact.channels.${value}`)}
        />
      )}
      <div className="fq-field">
        <label htmlFor={`${id}-note`} className="fq-legend">
          {t(`field.form.${action}.label`)}
        </label>
        <textarea
          ref={text}
          id={`${id}-note`}
          className="fq-textarea"
          rows={4}
          maxLength={2000}
          value={note}
          placeholder={t(`field.form.${action}.placeholder`)}
          aria-invalid={Boolean(error)}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {action === 'resolve' && (
        <PhotoPicker
          photos={photos}
          onChange={setPhotos}
          max={9}
          legend={t('field.form.resolve.photos')}
          hint={t('field.form.resolve.photosHint')}
        />
      )}
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <div className="fq-sheet-buttons">
        <Button fill="outline" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="primary" type="submit" loading={busy}>
          {t(`field.form.${action}.submit`)}
        </Button>
      </div>
    </form>
  );
}
