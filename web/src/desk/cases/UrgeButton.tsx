import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { hasPermission, useMe } from '../../shared/session.ts';
import type { CaseSummary } from '../../shared/types.ts';
import { useCase, useCaseAction } from './case-data.ts';

/**
 * Urging from a list: the button appears only when the case's allowedActions hold urge (the list
 * rows do not carry them, so each row asks for its case); one click, an optional note.
 */
export function UrgeButton({ item }: { item: CaseSummary }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  // Only those whose role may urge at all ask for the case (and so for its reporter's contact).
  const { data: detail } = useCase(hasPermission(me, 'cases.urge') ? item.id : undefined, { staleTime: 60_000 });
  const urge = useCaseAction();
  const [note, setNote] = useState('');
  if (!detail?.allowedActions.includes('urge')) return null;

  async function confirm() {
    if (!detail) return;
    try {
      await urge.mutateAsync({
        id: item.id,
        action: 'urge',
        body: { note: note.trim() || undefined, expectedVersion: detail.version },
      });
      setNote('');
      message.success(t('deskCases.overdue.urged', { number: item.number }));
    } catch (error) {
      message.error(errorMessage(t, error));
    }
  }

  return (
    <Popconfirm
      title={t('deskCases.overdue.urgeTitle', { number: item.number })}
      description={
        <Input.TextArea
          className="fq-urge-note"
          aria-label={t('deskCases.form.note')}
          placeholder={t('deskCases.overdue.urgeNote')}
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      }
      okText={t('case.action.urge')}
      cancelText={t('common.cancel')}
      onConfirm={confirm}
      icon={<ThunderboltOutlined className="fq-text-warning" />}
    >
      <Button size="small" danger icon={<ThunderboltOutlined />} loading={urge.isPending}>
        {t('case.action.urge')}
      </Button>
    </Popconfirm>
  );
}
