import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, QRCode, Select, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { ActivitySignup } from '../../shared/volunteer-types.ts';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { ALL, useCheckinCode } from './community-data.ts';

/**
 * The desk screen at the door: a session's QR code, which a phone opens as the check-in page, the
 * arrivals counted as they come, and marking present someone who has no phone with them.
 */
export function CheckinScreen({
  sessionId,
  signups,
  onClose,
}: {
  sessionId: string;
  signups: ActivitySignup[];
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const code = useCheckinCode(sessionId);
  const [who, setWho] = useState<string>();
  const mark = useDeskMutation(
    (userId: string) => api(`/api/activities/sessions/${sessionId}/attendance`, { body: { userId } }),
    {
      invalidate: [ALL],
      success: t('deskCommunity.checkin.marked'),
      onDone: () => setWho(undefined),
    },
  );
  const c = code.data;
  // Each arrival shows on the page behind too: its sessions and sign-ups are read again.
  const client = useQueryClient();
  const arrived = c?.attended;
  useEffect(() => {
    if (arrived !== undefined) void client.invalidateQueries({ queryKey: ['desk-community', 'activity'] });
    if (arrived !== undefined) void client.invalidateQueries({ queryKey: ['desk-community', 'signups'] });
  }, [arrived, client]);
  const link = c ? `${window.location.origin}${c.url}` : '';
  return (
    <Modal
      open
      width={560}
      onCancel={onClose}
      footer={null}
      title={c ? `${c.title} · ${t('deskCommunity.activities.session', { n: c.seq })}` : ''}
    >
      {c && (
        <div className="fq-checkin">
          <Typography.Text type="secondary">{dateTime(c.startsAt)}</Typography.Text>
          <QRCode value={link} size={280} errorLevel="M" bordered={false} />
          <Typography.Paragraph className="fq-checkin-hint">{t('deskCommunity.checkin.hint')}</Typography.Paragraph>
          <Space size="large">
            <Statistic title={t('deskCommunity.checkin.arrived')} value={c.attended} />
            <Statistic title={t('deskCommunity.checkin.expected')} value={c.confirmed} />
          </Space>
          <Space className="fq-checkin-mark">
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              placeholder={t('deskCommunity.checkin.markWho')}
              aria-label={t('deskCommunity.checkin.markWho')}
              value={who}
              onChange={setWho}
              options={signups.filter((s) => s.status === 'confirmed').map((s) => ({ value: s.userId, label: s.name }))}
            />
            <Button disabled={!who} loading={mark.isPending} onClick={() => who && mark.mutate(who)}>
              {t('deskCommunity.checkin.mark')}
            </Button>
          </Space>
          <Typography.Text copyable={{ text: link }} type="secondary" className="fq-checkin-link">
            {t('deskCommunity.checkin.link')}
          </Typography.Text>
        </div>
      )}
    </Modal>
  );
}
