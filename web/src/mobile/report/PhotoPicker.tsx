import { CameraOutline, CloseOutline, PictureOutline } from 'antd-mobile-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { compressPhoto, preloadCompressor } from './compress.ts';
import './messages.ts';
import { newKey } from './submit-report.ts';

export interface LocalPhoto {
  id: string;
  blob: Blob;
  url: string;
}

interface Props {
  photos: LocalPhoto[];
  onChange: (photos: LocalPhoto[]) => void;
  max: number;
  legend: string;
  hint: string;
}

/**
 * Photos from the camera or the album, compressed on the phone before anything is sent; they are
 * kept as blobs until the report is submitted, so a report without network can wait with them.
 */
export function PhotoPicker({ photos, onChange, max, legend, hint }: Props) {
  const { t } = useI18n();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const current = useRef(photos);
  current.current = photos;

  useEffect(() => {
    preloadCompressor();
    return () => {
      for (const photo of current.current) URL.revokeObjectURL(photo.url);
    };
  }, []);

  async function add(input: HTMLInputElement) {
    const files = [...(input.files ?? [])].slice(0, max - photos.length);
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    try {
      const blobs = await Promise.all(files.map(compressPhoto));
      onChange([...current.current, ...blobs.map((blob) => ({ id: newKey(), blob, url: URL.createObjectURL(blob) }))]);
    } finally {
      setBusy(false);
    }
  }

  function remove(photo: LocalPhoto) {
    URL.revokeObjectURL(photo.url);
    onChange(photos.filter((p) => p.id !== photo.id));
  }

  return (
    <fieldset className="fq-field">
      <legend className="fq-legend">
        {legend} <span className="fq-optional">{t('report.optional')}</span>
      </legend>
      <p id={hintId} className="fq-field-hint">
        {hint}
      </p>
      <ul className="fq-photos">
        {photos.map((photo, index) => (
          <li key={photo.id} className="fq-photo">
            <img src={photo.url} alt={t('report.photos.alt', { n: index + 1 })} />
            <button type="button" aria-label={t('report.photos.remove', { n: index + 1 })} onClick={() => remove(photo)}>
              <CloseOutline aria-hidden />
            </button>
          </li>
        ))}
        {photos.length < max && (
          <>
            <li>
              <button type="button" className="fq-photo-add" aria-describedby={hintId} onClick={() => camera.current?.click()}>
                <CameraOutline aria-hidden fontSize={26} />
                <span>{t('report.photos.camera')}</span>
              </button>
            </li>
            <li>
              <button type="button" className="fq-photo-add" aria-describedby={hintId} onClick={() => album.current?.click()}>
                <PictureOutline aria-hidden fontSize={26} />
                <span>{t('report.photos.album')}</span>
              </button>
            </li>
          </>
        )}
      </ul>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        tabIndex={-1}
        aria-label={t('report.photos.camera')}
        onChange={(event) => void add(event.currentTarget)}
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple={max > 1}
        hidden
        tabIndex={-1}
        aria-label={t('report.photos.album')}
        onChange={(event) => void add(event.currentTarget)}
      />
      <p className="fq-field-hint" aria-live="polite">
        {busy ? t('report.photos.preparing') : t('report.photos.count', { n: photos.length, max })}
      </p>
    </fieldset>
  );
}
