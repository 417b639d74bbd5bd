import { ErrorBlock, Result } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { SignInFirst } from '../community/SignInFirst.tsx';
import { PageHeader } from '../PageHeader.tsx';
import { Loading } from '../QueryState.tsx';

interface Signed {
  title: string;
  startsAt: string;
  party: string;
  alreadySignedIn: boolean;
}

/** Opened by scanning the meeting room's QR code: signs the holder in once, and says so. */
export function CheckinPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('delib.checkin.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Checkin />
      </SignInFirst>
    </main>
  );
}

function Checkin() {
  const { t, dateTime } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [signed, setSigned] = useState<Signed>();
  const [error, setError] = useState<string>();
  const sent = useRef(false);
  useEffect(() => {
    // React's development double effect must not sign in twice (the server would only say "already").
    if (sent.current) return;
    sent.current = true;
    const code = new URLSearchParams(window.location.search).get('code') ?? '';
    api<Signed>(`/api/deliberation/meetings/${id}/checkin`, { body: { code } }).then(setSigned, (failure) =>
      setError(failure?.status === 404 ? t('delib.checkin.failed') : errorMessage(t, failure)),
    );
  }, [id, t]);
  if (error) return <ErrorBlock status="default" title={error} description="" />;
  if (!signed) return <Loading />;
  return (
    <Result
      status="success"
      title={signed.alreadySignedIn ? t('delib.checkin.again') : t('delib.checkin.done')}
      description={`${signed.title} · ${dateTime(signed.startsAt)} · ${t('delib.checkin.as', { party: t(`delib.party.${signed.party}`) })}`}
    />
  );
}
