import { Button } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { useWaitingCount } from './waiting.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** "n waiting to sync" while runs wait on the phone, with a way to send them now. */
export function SyncStatus() {
  const { t } = useI18n();
  const waiting = useWaitingCount();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  if (waiting === 0 && online) return null;
  return (
    <p className={`fq-sync${waiting > 0 ? ' fq-sync-waiting' : ''}`} role="status" data-testid="patrol-sync">
      <span>
        {waiting > 0 ? t('patrol.sync.waiting', { n: waiting }) : ''}
        {!online && <span className="fq-sync-offline">{t('patrol.sync.offline')}</span>}
      </span>
      {waiting > 0 && online && (
        <Button
          size="mini"
          color="primary"
          fill="outline"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await (await import('./run-store.ts')).syncNow();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('patrol.sync.now')}
        </Button>
      )}
    </p>
  );
}
