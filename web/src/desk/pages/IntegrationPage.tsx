import { Tabs, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { ApiKeysTab } from '../integration/ApiKeysTab.tsx';
import { WebhooksTab } from '../integration/WebhooksTab.tsx';
import '../integration/messages.ts';
import '../integration/integration.css';

/** Administration of the street's integrations: API keys for Open311 clients and the hotline, webhook subscriptions. */
export default function IntegrationPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const canManage = hasPermission(me, 'integration.manage');
  return (
    <div className="fq-integration">
      <Typography.Title level={3}>{t('deskIntegration.title')}</Typography.Title>
      <Tabs
        items={[
          { key: 'keys', label: t('deskIntegration.tabs.keys'), children: <ApiKeysTab canManage={canManage} /> },
          { key: 'webhooks', label: t('deskIntegration.tabs.webhooks'), children: <WebhooksTab canManage={canManage} /> },
        ]}
      />
    </div>
  );
}
