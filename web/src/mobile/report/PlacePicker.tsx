import { useQuery } from '@tanstack/react-query';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useEffect, useId, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { type Translate, useI18n } from '../../shared/i18n.tsx';
import type { Place } from '../types.ts';
import './messages.ts';
import { type PickedPlace, placeKey } from './place.ts';

interface Props {
  value: PickedPlace | null;
  onChange: (place: PickedPlace) => void;
  error?: string | undefined;
  /** Staff may file a case against their whole grid when there is no exact place. */
  grid?: { id: string; name: string } | undefined;
}

type Locating = 'idle' | 'busy' | 'done' | 'denied' | 'unavailable';

/** A value once it has stood still for `ms`, so a lookup is not sent at every key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Where the problem is: the phone's position, or a compound or building found by name (which
 * works without location permission, indoors, and for a place one is not standing at).
 */
export function PlacePicker({ value, onChange, error, grid }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [locating, setLocating] = useState<Locating>('idle');
  const [here, setHere] = useState<Extract<PickedPlace, { kind: 'point' }> | null>(null);
  const q = useDebounced(search.trim(), 250);
  const places = useQuery({
    queryKey: ['places', q, here?.lon, here?.lat],
    queryFn: () =>
      api<{ items: Place[] }>(
        `/api/public/places${query({ q, lon: q ? undefined : here?.lon, lat: q ? undefined : here?.lat, limit: 8 })}`,
      ),
    enabled: q.length > 0 || here !== null,
    staleTime: 5 * 60_000,
  });

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('unavailable');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const point = {
          kind: 'point' as const,
          lon: coords.longitude,
          lat: coords.latitude,
          accuracy: Math.round(coords.accuracy),
        };
        setHere(point);
        setLocating('done');
        onChange(point);
      },
      (failure) => setLocating(failure.code === failure.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  const found: PickedPlace[] = places.data?.items ?? [];
  const options: PickedPlace[] = [
    ...(grid ? [{ kind: 'grid' as const, ...grid }] : []),
    ...(here ? [here] : []),
    // The chosen place stays on the list while another search runs.
    ...(value && value.kind !== 'point' && value.kind !== 'grid' && !found.some((p) => placeKey(p) === placeKey(value))
      ? [value]
      : []),
    ...found,
  ];
  const errorId = `${id}-error`;

  return (
    <fieldset className="fq-field" aria-describedby={error ? errorId : undefined} aria-invalid={Boolean(error)}>
      <legend className="fq-legend">
        {t('report.place.legend')} <span className="fq-required">{t('report.requiredMark')}</span>
      </legend>
      <button type="button" className="fq-locate" onClick={locate} disabled={locating === 'busy'}>
        <EnvironmentOutline aria-hidden fontSize={18} />
        {locating === 'busy' ? t('report.place.locating') : t('report.place.locate')}
      </button>
      <p className="fq-field-hint" aria-live="polite">
        {locating === 'denied' || locating === 'unavailable' ? t(`report.place.${locating}`) : ''}
      </p>
      <label htmlFor={`${id}-search`} className="fq-sublabel">
        {t('report.place.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        className="fq-input"
        value={search}
        placeholder={t('report.place.searchPlaceholder')}
        autoComplete="off"
        onChange={(event) => setSearch(event.target.value)}
      />
      {q && places.isSuccess && found.length === 0 && <p className="fq-field-hint">{t('report.place.noMatch')}</p>}
      {places.isError && <p className="fq-field-hint">{t('report.place.searchFailed')}</p>}
      {options.length > 0 && (
        <div className="fq-places">
          {options.map((option) => (
            <label key={placeKey(option)} className="fq-place">
              <input
                type="radio"
                name={`${id}-place`}
                checked={value !== null && placeKey(value) === placeKey(option)}
                onChange={() => onChange(option)}
              />
              <span className="fq-place-text">
                <span className="fq-place-name">{placeName(t, option)}</span>
                <span className="fq-place-meta">{placeMeta(t, option)}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p id={errorId} className="fq-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

const placeName = (t: Translate, place: PickedPlace) =>
  place.kind === 'point' ? t('report.place.here') : place.kind === 'grid' ? t('report.place.grid') : place.name;

function placeMeta(t: Translate, place: PickedPlace): string {
  if (place.kind === 'point') return t('report.place.accuracy', { m: place.accuracy });
  if (place.kind === 'grid') return place.name;
  const where = place.kind === 'estate' ? t('report.place.wholeEstate') : (place.estateName ?? '');
  return [where, place.communityName].filter(Boolean).join(' · ');
}
