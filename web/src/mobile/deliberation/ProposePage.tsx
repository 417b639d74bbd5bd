import { Button, Toast } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import type { ProposeBody } from '../../shared/deliberation-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { SignInFirst } from '../community/SignInFirst.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { Choice } from '../report/Choice.tsx';
import { type LocalPhoto, PhotoPicker } from '../report/PhotoPicker.tsx';
import { useDebounced } from '../report/PlacePicker.tsx';
import { useHome, useRefreshDelib, useSimilar } from './delib-queries.ts';

/** Proposing a topic for my estate or my building, with photos; similar open topics are offered while I write. */
export function ProposePage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.form.title')} onBack={() => navigate('/')} />
      <SignInFirst>
        <QueryState query={useHome()}>
          {(home) => <ProposeForm buildingId={home.buildingId} buildingName={home.buildingName} />}
        </QueryState>
      </SignInFirst>
    </main>
  );
}

function ProposeForm({ buildingId, buildingName }: { buildingId: string | null; buildingName: string | null }) {
  const { t } = useI18n();
  const id = useId();
  const [, navigate] = useLocation();
  const refresh = useRefreshDelib();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState<'building' | 'estate'>(buildingId ? 'building' : 'estate');
  const [cost, setCost] = useState('');
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The title says what the matter is: it is what similar topics are looked up by.
  const similar = useSimilar(useDebounced(title.trim(), 500));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim().length < 2 || description.trim().length < 5) {
      setError(t('delib.form.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const photoIds: string[] = [];
      for (const photo of photos) {
        const form = new FormData();
        form.append('file', photo.blob, 'photo.jpg');
        photoIds.push((await api<{ id: string }>('/api/photos', { body: form })).id);
      }
      const yuan = Number(cost);
      const body: ProposeBody = {
        title: title.trim(),
        description: description.trim(),
        photoIds,
        ...(scope === 'building' && buildingId ? { buildingId } : {}),
        ...(cost && Number.isFinite(yuan) && yuan >= 0 ? { estimatedCostFen: Math.round(yuan * 100) } : {}),
      };
      const created = await api<{ id: string; number: string }>('/api/deliberation/topics', { body });
      await refresh();
      Toast.show({ content: t('delib.form.done', { number: created.number }) });
      navigate(`/topics/${created.id}`);
    } catch (failure) {
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-card fq-cs-form" onSubmit={submit} noValidate>
      <div className="fq-field">
        <label htmlFor={`${id}-title`} className="fq-legend">
          {t('delib.form.what')}
        </label>
        <p className="fq-field-hint">{t('delib.form.whatHint')}</p>
        <input id={`${id}-title`} className="fq-input" maxLength={60} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="fq-field">
        <label htmlFor={`${id}-detail`} className="fq-legend">
          {t('delib.form.detail')}
        </label>
        <textarea
          id={`${id}-detail`}
          className="fq-textarea"
          rows={4}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {(similar.data?.length ?? 0) > 0 && (
        <div className="fq-delib-similar" role="status">
          {t('delib.form.similar')}
          <ul>
            {similar.data?.map((s) => (
              <li key={s.id}>
                <Link href={`/topics/${s.id}`}>
                  {s.title} · {t('delib.supports', { n: s.supportCount })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {buildingId && (
        <Choice
          legend={t('delib.form.scope')}
          options={['building', 'estate'] as const}
          value={scope}
          onChange={setScope}
          label={(o) =>
            o === 'building' ? t('delib.form.myBuilding', { name: buildingName ?? '' }) : t('delib.form.wholeEstate')
          }
        />
      )}
      <div className="fq-field">
        <label htmlFor={`${id}-cost`} className="fq-legend">
          {t('delib.form.cost')} <span className="fq-optional">{t('report.optional')}</span>
        </label>
        <input
          id={`${id}-cost`}
          className="fq-input"
          inputMode="decimal"
          value={cost}
          onChange={(e) => setCost(e.target.value.replace(/[^\d.]/g, ''))}
        />
      </div>
      <PhotoPicker
        photos={photos}
        onChange={setPhotos}
        max={9}
        legend={t('delib.form.photos')}
        hint={t('delib.form.photosHint')}
      />
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <Button block color="primary" size="large" type="submit" loading={busy}>
        {t('delib.form.submit')}
      </Button>
    </form>
  );
}
