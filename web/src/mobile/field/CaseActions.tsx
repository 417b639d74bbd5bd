import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CaseAction, CaseDetail } from '../../shared/types.ts';
import { ActionForm, type FormAction } from './ActionForm.tsx';
import './messages.ts';

/** The moves a grid worker makes in the field, in the order a case goes through them. */
const FIELD_ACTIONS = ['accept', 'start', 'resolve', 'contact', 'escalate'] as const;
type FieldAction = (typeof FIELD_ACTIONS)[number];
const needsForm = (action: FieldAction): action is FormAction =>
  action === 'resolve' || action === 'contact' || action === 'escalate';

/** Runs one action on the case; every action refuses to act on a case that changed since it was loaded. */
export function useCaseAction(c: CaseDetail) {
  const client = useQueryClient();
  return async (action: CaseAction, body: Record<string, unknown>) => {
    await api(`/api/cases/${c.id}/${action}`, { body: { ...body, expectedVersion: c.version } });
    await Promise.all([
      client.invalidateQueries({ queryKey: ['case', c.id] }),
      client.invalidateQueries({ queryKey: ['cases'] }),
      client.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}

/** A button for each move the server allows now, and nothing else. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const run = useCaseAction(c);
  const [open, setOpen] = useState<FormAction | null>(null);
  const allowed = FIELD_ACTIONS.filter((action) => c.allowedActions.includes(action));
  if (allowed.length === 0) return null;

  function confirm(action: Exclude<FieldAction, FormAction>) {
    void Dialog.confirm({
      title: t(`case.action.${action}`),
      content: t(`field.confirm.${action}`),
      confirmText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onConfirm: async () => {
        try {
          await run(action, {});
          Toast.show({ icon: 'success', content: t(`field.done.${action}`) });
        } catch (error) {
          Toast.show({ icon: 'fail', content: errorMessage(t, error) });
        }
      },
    });
  }

  return (
    <>
      <section className="fq-action-bar" aria-label={t('field.detail.actions')}>
        {allowed.map((action, index) => (
          <Button
            key={action}
            color={index === 0 ? 'primary' : 'default'}
            fill={index === 0 ? 'solid' : 'outline'}
            className="fq-action"
            onClick={() => (needsForm(action) ? setOpen(action) : confirm(action))}
          >
            {t(`case.action.${action}`)}
          </Button>
        ))}
      </section>
      <Popup
        visible={open !== null}
        onMaskClick={() => setOpen(null)}
        onClose={() => setOpen(null)}
        bodyClassName="fq-sheet"
        destroyOnClose
      >
        {open && (
          <ActionForm
            action={open}
            onCancel={() => setOpen(null)}
            onSubmit={async (body) => {
              await run(open, body);
              setOpen(null);
              Toast.show({ icon: 'success', content: t(`field.done.${open}`) });
            }}
          />
        )}
      </Popup>
    </>
  );
}
