import { Button, Checkbox, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { type Dispute, REFERRALS, RISK_LEVELS, RISK_REASONS } from '../../shared/mediation-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { type DisputeMove, disputeMoves, nextLevel, outcomesFrom } from './dispute-moves.ts';
import { MediatorSelect, StudioSelect } from './MediationSelects.tsx';
import { useMediationWrite } from './mediation-data.ts';
import { PartiesField } from './PartiesField.tsx';

const PRIMARY = new Set<DisputeMove>(['start', 'outcome', 'followUp']);

/** The buttons for the moves the reader may make on the file now. */
export function DisputeMoveButtons({ dispute, onMove }: { dispute: Dispute; onMove: (move: DisputeMove) => void }) {
  const { t } = useI18n();
  const up = nextLevel(dispute.level);
  return (
    <>
      {disputeMoves(dispute).map((move) => (
        <Button key={move} type={PRIMARY.has(move) ? 'primary' : 'default'} onClick={() => onMove(move)}>
          {move === 'escalate' && up
            ? t('deskMediation.action.escalate', { level: t(`deskMediation.level.${up}`) })
            : t(`deskMediation.action.${move}`)}
        </Button>
      ))}
    </>
  );
}

type Values = Record<string, unknown>;

/** Where each move is sent and what it sends. */
function requestOf(move: DisputeMove, values: Values): { path: string; body: Values } {
  switch (move) {
    case 'escalate':
      return { path: 'escalate', body: { reason: values.reason } };
    case 'outcome':
      return { path: 'outcome', body: values };
    case 'start':
      return { path: 'state', body: { to: 'in_mediation', note: values.note } };
    case 'followUp':
      return { path: 'state', body: { to: 'following_up', note: values.note } };
    default:
      return { path: 'state', body: { to: 'closed', note: values.note } };
  }
}

/** The form of one move: a reason to escalate, an outcome with its referral, a note on a change of state. */
export function DisputeMoveDialog({
  dispute,
  move,
  onClose,
}: {
  dispute: Dispute;
  move: DisputeMove | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const base = `/api/mediation/disputes/${dispute.id}`;
  const done = { form, success: t('deskMediation.action.done'), onDone: onClose };
  const moveWrite = useMediationWrite<{ path: string; body: Values }>((request) => `${base}/${request.path}`, {
    ...done,
    send: (request) => request.body,
  });
  const edit = useMediationWrite<Values>(base, { ...done, method: 'PATCH' });
  useEffect(() => {
    if (!move) return;
    form.resetFields();
    if (move === 'edit') {
      form.setFieldsValue({
        peopleInvolved: dispute.peopleInvolved,
        amount: dispute.amount,
        riskLevel: dispute.riskLevel,
        riskReasons: dispute.riskReasons,
        mediatorId: dispute.mediatorId,
        studioId: dispute.studioId,
        parties: dispute.parties.map(({ id: _, ...party }) => ({
          ...party,
          phone: party.phone ?? undefined,
          idNumber: party.idNumber ?? undefined,
          address: party.address ?? undefined,
        })),
      });
    }
    if (move === 'outcome') form.setFieldValue('outcome', outcomesFrom(dispute.state)[0]);
  }, [move, dispute, form]);
  if (!move) return null;

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const up = nextLevel(dispute.level);
  const title =
    move === 'escalate' && up
      ? t('deskMediation.action.escalate', { level: t(`deskMediation.level.${up}`) })
      : t(`deskMediation.action.${move}`);
  const submit = (values: Values) => {
    if (move === 'edit') return edit.mutate(values);
    moveWrite.mutate(requestOf(move, values));
  };

  return (
    <FormDialog
      title={title}
      width={move === 'edit' ? 820 : 560}
      form={form}
      saving={moveWrite.isPending || edit.isPending}
      onClose={onClose}
      onFinish={submit}
    >
      {move === 'escalate' && (
        <Form.Item name="reason" label={t('deskMediation.action.reason')} rules={required}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('deskMediation.action.reasonPlaceholder')} />
        </Form.Item>
      )}
      {move === 'outcome' && (
        <>
          <Form.Item name="outcome" label={t('deskMediation.detail.outcome')}>
            <Radio.Group
              options={outcomesFrom(dispute.state).map((o) => ({ value: o, label: t(`deskMediation.outcome.${o}`) }))}
            />
          </Form.Item>
          {outcome === 'failed' && (
            <Form.Item name="referral" label={t('deskMediation.action.referral')} rules={required}>
              <Radio.Group options={REFERRALS.map((r) => ({ value: r, label: t(`deskMediation.referral.${r}`) }))} />
            </Form.Item>
          )}
        </>
      )}
      {move === 'edit' ? (
        <>
          <Space size={16} wrap>
            <Form.Item name="peopleInvolved" label={t('deskMediation.form.people')}>
              <InputNumber min={1} max={100_000} precision={0} />
            </Form.Item>
            <Form.Item name="amount" label={t('deskMediation.form.amount')}>
              <InputNumber min={0} precision={2} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="riskLevel" label={t('deskMediation.form.risk')}>
              <Radio.Group
                optionType="button"
                options={RISK_LEVELS.map((r) => ({ value: r, label: t(`deskMediation.risk.${r}`) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="riskReasons" label={t('deskMediation.form.riskReasons')}>
            <Checkbox.Group options={RISK_REASONS.map((r) => ({ value: r, label: t(`deskMediation.riskReason.${r}`) }))} />
          </Form.Item>
          <Space size={16} wrap>
            <Form.Item name="mediatorId" label={t('deskMediation.form.mediator')}>
              <MediatorSelect />
            </Form.Item>
            <Form.Item name="studioId" label={t('deskMediation.form.studio')}>
              <StudioSelect />
            </Form.Item>
          </Space>
          <PartiesField />
        </>
      ) : (
        move !== 'escalate' && (
          <Form.Item name="note" label={t('deskMediation.action.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )
      )}
    </FormDialog>
  );
}
