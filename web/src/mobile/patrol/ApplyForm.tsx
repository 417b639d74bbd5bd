import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearch } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import {
  type ApplyBody,
  AVAILABILITY_LIST,
  type Availability,
  type PatrolPartner,
  SKILL_LIST,
  type Skill,
} from '../../shared/patrol-types.ts';
import { useMe } from '../../shared/session.ts';
import { Choice } from '../report/Choice.tsx';
import { MultiChoice } from './MultiChoice.tsx';
import { useCommunities, useEstates } from './patrol-queries.ts';

/** Becoming a Ping An Partner: where one will patrol, what one can do, and when. */
export function ApplyForm() {
  const { t } = useI18n();
  const id = useId();
  const client = useQueryClient();
  const { data: me } = useMe();
  const communities = useCommunities();
  const ownCommunities = (me?.roles ?? [])
    .filter((role) => role.scopeLevel === 'community' && role.nodeId)
    .map((role) => ({ id: role.nodeId as string, name: role.scopeName }));
  // A community's invitation link (a poster's QR code) names the community for a resident who cannot list areas.
  const params = new URLSearchParams(useSearch());
  const invited = params.get('community');
  const invitedChoice = invited ? [{ id: invited, name: params.get('name') ?? invited }] : [];
  const choices = [...invitedChoice, ...ownCommunities, ...(communities.data ?? [])].filter(
    (choice, index, all) => all.findIndex((c) => c.id === choice.id) === index,
  );
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [estateSearch, setEstateSearch] = useState('');
  const estates = useEstates(estateSearch);
  const [estateId, setEstateId] = useState<string | null>(null);
  const [skills, setSkills] = useState<Skill[]>([]);
  const [availability, setAvailability] = useState<Availability[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ community?: string; availability?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!communityId && choices.length === 1) setCommunityId(choices[0]?.id ?? null);
  }, [communityId, choices]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(communityId ? {} : { community: t('patrol.apply.communityMissing') }),
      ...(availability.length > 0 ? {} : { availability: t('patrol.apply.availabilityMissing') }),
    };
    setErrors(found);
    if (!communityId || availability.length === 0) return;
    setBusy(true);
    try {
      const body: ApplyBody = {
        communityId,
        ...(estateId ? { estateId } : {}),
        skills,
        availability,
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      const partner = await api<PatrolPartner>('/api/patrols/partners/apply', { body });
      client.setQueryData(['patrols', 'partner', 'me'], partner);
    } catch (error) {
      setErrors({ form: errorMessage(t, error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="fq-card fq-apply" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="fq-card-title">
        {t('patrol.apply.title')}
      </h2>
      <p className="fq-field-hint">{t('patrol.apply.intro')}</p>
      {choices.length > 0 ? (
        <Choice
          legend={t('patrol.apply.community')}
          options={choices.map((c) => c.id)}
          value={communityId}
          onChange={setCommunityId}
          label={(value) => choices.find((c) => c.id === value)?.name ?? value}
          error={errors.community}
        />
      ) : (
        <p className="fq-field-error" role="alert">
          {communities.isPending ? t('common.loading') : t('patrol.apply.noCommunity')}
        </p>
      )}
      <div className="fq-field">
        <label htmlFor={`${id}-estate`} className="fq-legend">
          {t('patrol.apply.estate')} <span className="fq-optional">{t('patrol.optional')}</span>
        </label>
        <input
          id={`${id}-estate`}
          className="fq-input"
          value={estateSearch}
          placeholder={t('patrol.apply.estateSearch')}
          onChange={(event) => setEstateSearch(event.target.value)}
        />
        {(estates.data?.length ?? 0) > 0 && (
          <Choice
            legend={t('patrol.apply.estatePick')}
            className="fq-subfield"
            options={(estates.data ?? []).map((estate) => estate.id)}
            value={estateId}
            onChange={setEstateId}
            label={(value) => estates.data?.find((estate) => estate.id === value)?.name ?? value}
          />
        )}
      </div>
      <MultiChoice
        legend={t('patrol.apply.skills')}
        options={SKILL_LIST}
        value={skills}
        onChange={setSkills}
        label={(skill) => t(`patrol.skill.${skill}`)}
      />
      <MultiChoice
        legend={t('patrol.apply.availability')}
        options={AVAILABILITY_LIST}
        value={availability}
        onChange={setAvailability}
        label={(when) => t(`patrol.availability.${when}`)}
        error={errors.availability}
      />
      <div className="fq-field">
        <label htmlFor={`${id}-note`} className="fq-legend">
          {t('patrol.apply.note')} <span className="fq-optional">{t('patrol.optional')}</span>
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
        {t('patrol.apply.submit')}
      </Button>
    </form>
  );
}
