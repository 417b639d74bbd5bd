import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { errorMessage, useI18n } from '../shared/i18n.tsx';
import { homeFor, useSession } from '../shared/session.ts';
import './messages.ts';
import { PageHeader } from './PageHeader.tsx';

/** Where to go back after signing in: a path of this app only, never another site. */
function nextOf(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const next = nextOf(useSearch());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(values.username, values.password);
      const home = homeFor(me);
      if (next) navigate(next, { replace: true });
      else if (home === '/desk') window.location.assign('/desk');
      else navigate(home);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="fq-page">
      <PageHeader title={t('login.title')} onBack={() => navigate(next ? (next.split('?')[0] as string) : '/')} />
      {next && <p className="fq-notice">{t('mobile.signInToContinue')}</p>}
      <Form
        layout="horizontal"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        }
      >
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="username" autoCapitalize="none" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input type="password" autoComplete="current-password" />
        </Form.Item>
      </Form>
      {error && (
        <p className="fq-error" role="alert">
          {error}
        </p>
      )}
      <p className="fq-hint">{t('login.demoHint')}</p>
    </main>
  );
}
