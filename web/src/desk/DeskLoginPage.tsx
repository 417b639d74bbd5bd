import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { errorMessage, useI18n } from '../shared/i18n.tsx';
import { homeFor, useSession } from '../shared/session.ts';

export function DeskLoginPage() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const me = await session.login(values.username, values.password);
      const home = homeFor(me);
      if (home === '/desk') navigate('/');
      else window.location.assign(home);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="fq-desk-login">
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>{t('app.deskTitle')}</Typography.Title>
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('login.demoHint')}
        </Typography.Paragraph>
        <Button type="link" onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
          {t('app.switchLanguage')}
        </Button>
      </Card>
    </div>
  );
}
