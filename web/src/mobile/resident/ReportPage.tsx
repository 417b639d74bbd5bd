import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import { useCategories } from '../case/categories.ts';
import { PageHeader } from '../PageHeader.tsx';
import { placeFields } from '../report/place.ts';
import { ReportForm, type ReportValues } from '../report/ReportForm.tsx';
import { QueuedPanel, SentPanel } from '../report/ReportOutcome.tsx';
import { Toggle } from '../report/Toggle.tsx';
import { useReportSubmission } from '../report/use-report-submission.ts';
import './messages.ts';

/** A case holds at most 9 photos, whoever reports it. */
const MAX_PHOTOS = 9;

/** Report a problem in under a minute, signed in or not, online or not. */
export default function ReportPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const me = useMe();
  const categories = useCategories();
  const { state, submit, startOver } = useReportSubmission();
  const [anonymous, setAnonymous] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const signedIn = Boolean(me.data);

  const send = (values: ReportValues) =>
    submit({
      signedIn,
      photos: values.photos.map((photo) => photo.blob),
      body: {
        categoryId: values.category.id,
        description: values.description,
        ...placeFields(values.place),
        ...(urgent && values.category.kind === 'hazard' ? { priority: 'high' as const } : {}),
        ...(signedIn ? { anonymous } : {}),
      },
    });

  let content: ReactNode;
  if (state.phase === 'sent') {
    const { caseId, trackingCode } = state.result;
    content = (
      <SentPanel
        result={state.result}
        onFollow={() => navigate(caseId && signedIn ? `/my/${caseId}` : `/track/${trackingCode}`)}
        onAnother={startOver}
      />
    );
  } else if (state.phase === 'queued') {
    content = <QueuedPanel onHome={() => navigate('/')} />;
  } else if (categories.isError) {
    content = (
      <ErrorBlock status="disconnected" title={t('resident.loadFailed')} description="">
        <Button color="primary" onClick={() => void categories.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  } else if (!categories.data || me.isPending) {
    content = (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  } else {
    content = (
      <>
        <p className="fq-intro">{signedIn ? t('resident.report.intro') : t('resident.report.introGuest')}</p>
        <ReportForm
          categories={categories.data}
          maxPhotos={MAX_PHOTOS}
          photoHint={t('report.photos.hint')}
          submitLabel={t('resident.report.submit')}
          onSubmit={send}
        >
          {(category) => (
            <>
              {category?.kind === 'hazard' && (
                <Toggle
                  label={t('resident.report.urgent')}
                  hint={t('resident.report.urgentHint')}
                  checked={urgent}
                  onChange={setUrgent}
                />
              )}
              {signedIn ? (
                <Toggle
                  label={t('resident.report.anonymous')}
                  hint={t('resident.report.anonymousHint')}
                  checked={anonymous}
                  onChange={setAnonymous}
                />
              ) : (
                <p className="fq-field fq-guest-note">
                  {t('resident.report.guestNote')} <Link href="/login">{t('common.signIn')}</Link>
                </p>
              )}
            </>
          )}
        </ReportForm>
      </>
    );
  }

  return (
    <main className="fq-page">
      <PageHeader title={t('resident.report.title')} onBack={() => navigate('/')} />
      {content}
    </main>
  );
}
