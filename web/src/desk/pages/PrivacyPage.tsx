import { Tabs, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AuditTab } from '../privacy/AuditTab.tsx';
import { RetentionTab } from '../privacy/RetentionTab.tsx';
import '../privacy/messages.ts';
import '../privacy/privacy.css';

/** Privacy: who saw personal data in full (the audit log) and how long finished cases keep it (retention). */
export default function PrivacyPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const items = [
    hasPermission(me, 'audit.read') && { key: 'audit', label: t('deskPrivacy.tabs.audit'), children: <AuditTab /> },
    hasPermission(me, 'privacy.retention') && {
      key: 'retention',
      label: t('deskPrivacy.tabs.retention'),
      children: <RetentionTab />,
    },
  ].filter((item) => item !== false);
  return (
    <div className="fq-privacy">
      <Typography.Title level={3}>{t('deskPrivacy.title')}</Typography.Title>
      <Tabs items={items} />
    </div>
  );
}
