import { useQueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import {
  CARE_NEEDS,
  type CareNeed,
  type CareVisit,
  VISIT_METHODS,
  type VisitBody,
  type VisitMethod,
  WELLBEING,
  type Wellbeing,
} from '../../shared/care-types.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { useCategories } from '../case/categories.ts';
import { PageHeader } from '../PageHeader.tsx';
import { MultiChoice } from '../patrol/MultiChoice.tsx';
import { Loading } from '../QueryState.tsx';
import { CategoryPicker } from '../report/CategoryPicker.tsx';
import { Choice } from '../report/Choice.tsx';
import { type LocalPhoto, PhotoPicker } from '../report/PhotoPicker.tsx';
import { newKey, uploadPhotos } from '../report/submit-report.ts';
import '../report/report.css';
import { Toggle } from '../report/Toggle.tsx';
import { useCampaigns, useCareFile } from './care-queries.ts';

const NO_CAMPAIGN = 'none';

/**
 * A visit as the grid worker logs it at the door: how, how the person is, what was seen, needs,
 * photos, the festival campaign it belongs to, and a follow-up case when something must be done.
 * The visit keeps one id from the moment the form opens, so pressing save twice is one visit.
 */
export default function VisitPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const formId = useId();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const file = useCareFile(id);
  const campaigns = useCampaigns();
  const categories = useCategories();
  const [clientId] = useState(newKey);
  const [method, setMethod] = useState<VisitMethod>('home');
  const [wellbeing, setWellbeing] = useState<Wellbeing>('good');
  const [observations, setObservations] = useState('');
  const [needs, setNeeds] = useState<CareNeed[]>([]);
  const [needsNote, setNeedsNote] = useState('');
  const [campaignId, setCampaignId] = useState<string>(NO_CAMPAIGN);
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [followUp, setFollowUp] = useState(false);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [followUpText, setFollowUpText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (file.isPending) return <Loading />;
  const groups = file.data?.groups ?? [];
  const applicable = (campaigns.data ?? []).filter((c) => c.stage === 'running' && c.groups.some((g) => groups.includes(g)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {
      ...(observations.trim() ? {} : { observations: t('care.visit.observationsMissing') }),
      ...(followUp && !categoryId ? { category: t('care.visit.categoryMissing') } : {}),
      ...(followUp && !followUpText.trim() ? { followUp: t('care.visit.followUpMissing') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { photoIds } = await uploadPhotos(
        photos.map((photo) => photo.blob),
        true,
      );
      const body: VisitBody = {
        clientId,
        method,
        wellbeing,
        observations: observations.trim(),
        needs,
        ...(needsNote.trim() ? { needsNote: needsNote.trim() } : {}),
        ...(campaignId !== NO_CAMPAIGN ? { campaignId } : {}),
        photoIds,
        ...(followUp && categoryId
          ? { followUp: { kind: 'case' as const, categoryId, description: followUpText.trim(), priority: 'normal' as const } }
          : {}),
      };
      const visit = await api<CareVisit>(`/api/care/files/${id}/visits`, { body });
      await client.invalidateQueries({ queryKey: ['care'] });
      const updated = await client.fetchQuery({ queryKey: ['care', 'file', id] });
      const next = (updated as { nextDueDate?: string | null } | undefined)?.nextDueDate ?? '';
      Toast.show({
        icon: 'success',
        content: visit.followUpCaseNumber
          ? t('care.visit.savedCase', { number: visit.followUpCaseNumber })
          : t('care.visit.saved', { date: next }),
      });
      navigate(`/files/${id}`, { replace: true });
    } catch (caught) {
      setErrors({ form: errorMessage(t, caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="fq-page">
      <PageHeader title={t('care.visit.title')} onBack={() => navigate(`/files/${id}`)} />
      {file.data && (
        <p className="fq-care-note">
          {file.data.name} · {file.data.address}
        </p>
      )}
      <form className="fq-report-form" onSubmit={submit} noValidate aria-label={t('care.visit.title')}>
        <Choice
          legend={t('care.visit.method')}
          options={VISIT_METHODS}
          value={method}
          onChange={setMethod}
          label={(v) => t(`care.method.${v}`)}
        />
        <Choice
          legend={t('care.visit.wellbeing')}
          options={WELLBEING}
          value={wellbeing}
          onChange={setWellbeing}
          label={(v) => t(`care.wellbeing.${v}`)}
        />
        <div className="fq-field">
          <label htmlFor={`${formId}-seen`} className="fq-legend">
            {t('care.visit.observations')}
          </label>
          <p className="fq-field-hint">{t('care.visit.observationsHint')}</p>
          <textarea
            id={`${formId}-seen`}
            className="fq-textarea"
            rows={4}
            maxLength={2000}
            value={observations}
            aria-invalid={Boolean(errors.observations)}
            onChange={(event) => setObservations(event.target.value)}
          />
          {errors.observations && (
            <p className="fq-field-error" role="alert">
              {errors.observations}
            </p>
          )}
        </div>
        <MultiChoice
          legend={t('care.visit.needs')}
          options={CARE_NEEDS}
          value={needs}
          onChange={setNeeds}
          label={(v) => t(`care.need.${v}`)}
        />
        {needs.length > 0 && (
          <div className="fq-field">
            <label htmlFor={`${formId}-needs`} className="fq-legend">
              {t('care.visit.needsNote')}
            </label>
            <textarea
              id={`${formId}-needs`}
              className="fq-textarea"
              rows={2}
              maxLength={1000}
              value={needsNote}
              onChange={(event) => setNeedsNote(event.target.value)}
            />
          </div>
        )}
        {applicable.length > 0 && (
          <Choice
            legend={t('care.visit.campaign')}
            options={[NO_CAMPAIGN, ...applicable.map((c) => c.id)]}
            value={campaignId}
            onChange={setCampaignId}
            label={(v) => (v === NO_CAMPAIGN ? t('care.visit.noCampaign') : (applicable.find((c) => c.id === v)?.name ?? v))}
          />
        )}
        <PhotoPicker
          photos={photos}
          onChange={setPhotos}
          max={9}
          legend={t('care.visit.photos')}
          hint={t('care.visit.photosHint')}
        />
        <Toggle label={t('care.visit.followUp')} hint={t('care.visit.followUpHint')} checked={followUp} onChange={setFollowUp} />
        {followUp && categories.data && (
          <>
            <CategoryPicker categories={categories.data} value={categoryId} onChange={setCategoryId} error={errors.category} />
            <div className="fq-field">
              <label htmlFor={`${formId}-follow`} className="fq-legend">
                {t('care.visit.followUpText')}
              </label>
              <p className="fq-field-hint">{t('care.visit.followUpTextHint')}</p>
              <textarea
                id={`${formId}-follow`}
                className="fq-textarea"
                rows={3}
                maxLength={2000}
                value={followUpText}
                aria-invalid={Boolean(errors.followUp)}
                onChange={(event) => setFollowUpText(event.target.value)}
              />
              {errors.followUp && (
                <p className="fq-field-error" role="alert">
                  {errors.followUp}
                </p>
              )}
            </div>
          </>
        )}
        <div className="fq-care-cta">
          {errors.form && (
            <p className="fq-field-error" role="alert">
              {errors.form}
            </p>
          )}
          <Button block color="primary" size="large" type="submit" loading={busy}>
            {t('care.visit.save')}
          </Button>
        </div>
      </form>
    </main>
  );
}
