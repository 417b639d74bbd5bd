import { Button } from 'antd-mobile';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import {
  VOLUNTEER_AVAILABILITY,
  VOLUNTEER_SKILLS,
  type VolunteerAvailability,
  type VolunteerSkill,
} from '../../shared/volunteer-types.ts';
import { MultiChoice } from '../patrol/MultiChoice.tsx';
import { Choice } from '../report/Choice.tsx';
import { useAreas, useRefresh } from './queries.ts';

/** Registering as a volunteer: the community (and grid) one serves, what one can do and when. */
export function RegisterForm() {
  const { t } = useI18n();
  const id = useId();
  const refresh = useRefresh();
  const areas = useAreas();
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [gridId, setGridId] = useState<string | null>(null);
  const [skills, setSkills] = useState<VolunteerSkill[]>([]);
  const [availability, setAvailability] = useState<VolunteerAvailability[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ community?: string; availability?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const communities = areas.data ?? [];
  const grids = communities.find((c) => c.id === communityId)?.grids ?? [];

  useEffect(() => {
    if (!communityId && communities.length === 1) setCommunityId(communities[0]?.id ?? null);
  }, [communityId, communities]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(communityId ? {} : { community: t('community.register.communityMissing') }),
      ...(availability.length ? {} : { availability: t('community.register.availabilityMissing') }),
    };
    setErrors(found);
    if (!communityId || availability.length === 0) return;
    setBusy(true);
    try {
      await api('/api/volunteers/register', {
        body: { communityId, ...(gridId ? { gridId } : {}), skills, availability, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      await refresh();
    } catch (error) {
      setErrors({ form: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-card fq-cs-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('community.register.title')}
      </h2>
      <p className="fq-field-hint">{t('community.register.intro')}</p>
      <Choice
        legend={t('community.register.community')}
        options={communities.map((c) => c.id)}
        value={communityId}
        onChange={(value) => {
          setCommunityId(value);
          setGridId(null);
        }}
        label={(value) => communities.find((c) => c.id === value)?.name ?? value}
        error={errors.community}
      />
      {grids.length > 0 && (
        <Choice
          legend={
            <>
              {t('community.register.grid')} <span className="fq-optional">{t('community.optional')}</span>
            </>
          }
          options={grids.map((g) => g.id)}
          value={gridId}
          onChange={setGridId}
          label={(value) => grids.find((g) => g.id === value)?.name ?? value}
        />
      )}
      <MultiChoice
        legend={t('community.register.skills')}
        options={VOLUNTEER_SKILLS}
        value={skills}
        onChange={setSkills}
        label={(skill) => t(`community.skill.${skill}`)}
      />
      <MultiChoice
        legend={t('community.register.availability')}
        options={VOLUNTEER_AVAILABILITY}
        value={availability}
        onChange={setAvailability}
        label={(when) => t(`community.availability.${when}`)}
        error={errors.availability}
      />
      <div className="fq-field">
        <label htmlFor={`${id}-note`} className="fq-legend">
          {t('community.register.note')} <span className="fq-optional">{t('community.optional')}</span>
        </label>
        <textarea
          id={`${id}-note`}
          className="fq-textarea"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      {errors.form && (
        <p className="fq-field-error" role="alert">
          {errors.form}
        </p>
      )}
      <Button block color="primary" size="large" type="submit" loading={busy}>
        {t('community.register.submit')}
      </Button>
    </form>
  );
}
