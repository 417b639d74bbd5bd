import { DotLoading } from 'antd-mobile';
import { type ReactNode, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useCategories } from '../case/categories.ts';
import { PageHeader } from '../PageHeader.tsx';
import { Choice } from '../report/Choice.tsx';
import { placeFields } from '../report/place.ts';
import { ReportForm, type ReportValues } from '../report/ReportForm.tsx';
import { QueuedPanel, SentPanel } from '../report/ReportOutcome.tsx';
import { useReportSubmission } from '../report/use-report-submission.ts';
import './messages.ts';

const SOURCES = ['staff', 'walk_in'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** The server's own rule for a call-back number: a mobile, or a landline with its area code. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * A case recorded on the spot: found on a round, or brought by a resident who walked up. The
 * same form as the residents' report, plus how it came in, its priority and the visitor's contact.
 */
export default function NewCasePage() {
  const { t } = useI18n();
  const id = useId();
  const [, navigate] = useLocation();
  const { data: me } = useMe();
  const categories = useCategories();
  const { state, submit, startOver } = useReportSubmission();
  const [source, setSource] = useState<(typeof SOURCES)[number]>('staff');
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>('normal');
  const [contact, setContact] = useState({ name: '', phone: '' });
  const staff = hasPermission(me, 'cases.accept');
  const gridRole = me?.roles.find((role) => role.role === 'grid_worker' && role.nodeId);
  const grid = gridRole?.nodeId ? { id: gridRole.nodeId, name: gridRole.scopeName } : undefined;

  async function send(values: ReportValues) {
    const phone = contact.phone.trim();
    if (source === 'walk_in' && phone && !PHONE.test(phone)) {
      throw new ApiError(400, 'PHONE_INVALID', t('field.new.phoneInvalid'), 'contact.phone');
    }
    const visitor = source === 'walk_in' && (contact.name.trim() || phone);
    await submit({
      signedIn: true,
      photos: values.photos.map((photo) => photo.blob),
      body: {
        categoryId: values.category.id,
        description: values.description,
        ...placeFields(values.place),
        ...(staff ? { source, priority } : {}),
        ...(visitor
          ? { contact: { ...(contact.name.trim() ? { name: contact.name.trim() } : {}), ...(phone ? { phone } : {}) } }
          : {}),
      },
    });
  }

  let content: ReactNode;
  if (state.phase === 'sent') {
    const { caseId } = state.result;
    content = (
      <SentPanel result={state.result} onFollow={() => navigate(caseId ? `/cases/${caseId}` : '/')} onAnother={startOver} />
    );
  } else if (state.phase === 'queued') {
    content = <QueuedPanel onHome={() => navigate('/')} />;
  } else if (!categories.data) {
    content = (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  } else {
    content = (
      <ReportForm
        categories={categories.data}
        maxPhotos={9}
        photoHint={t('report.photos.hint')}
        submitLabel={t('field.new.submit')}
        grid={grid}
        onSubmit={send}
      >
        {() =>
          staff && (
            <>
              <Choice
                legend={t('field.new.source')}
                options={SOURCES}
                value={source}
                onChange={setSource}
                label={(s) => t(`field.new.sources.${s}`)}
              />
              {source === 'walk_in' && (
                <div className="fq-field fq-two">
                  <label htmlFor={`${id}-name`} className="fq-sublabel">
                    {t('field.new.visitorName')}
                  </label>
                  <input
                    id={`${id}-name`}
                    className="fq-input"
                    autoComplete="off"
                    value={contact.name}
                    onChange={(e) => setContact({ ...contact, name: e.target.value })}
                  />
                  <label htmlFor={`${id}-phone`} className="fq-sublabel">
                    {t('field.new.visitorPhone')}
                  </label>
                  <input
                    id={`${id}-phone`}
                    className="fq-input"
                    type="tel"
                    inputMode="tel"
                    autoComplete="off"
                    value={contact.phone}
                    onChange={(e) => setContact({ ...contact, phone: e.target.value })}
                  />
                </div>
              )}
              <Choice
                legend={t('field.new.priority')}
                options={PRIORITIES}
                value={priority}
                onChange={setPriority}
                label={(p) => t(`case.priority.${p}`)}
              />
            </>
          )
        }
      </ReportForm>
    );
  }

  return (
    <main className="fq-page">
      <PageHeader title={t('field.new.title')} onBack={() => navigate('/')} />
      {content}
    </main>
  );
}
