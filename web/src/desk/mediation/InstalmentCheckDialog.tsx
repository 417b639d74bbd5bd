import { Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { CheckBody, Instalment } from '../../shared/mediation-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useMediationWrite } from './mediation-data.ts';

/** A follow-up visit's finding on one instalment: paid, partly (how much) or not, and whether the agreement is broken. */
export function InstalmentCheckDialog({
  disputeId,
  instalment,
  onClose,
}: {
  disputeId: string;
  instalment: Instalment;
  onClose: () => void;
}) {
  const { t, number } = useI18n();
  const [form] = Form.useForm<CheckBody>();
  const result = Form.useWatch('result', form);
  const write = useMediationWrite<CheckBody>(`/api/mediation/disputes/${disputeId}/instalments/${instalment.id}/check`, {
    form,
    success: t('deskMediation.action.done'),
    onDone: onClose,
  });
  const label = (key: string) => t(`deskMediation.agreement.${key}`);
  return (
    <FormDialog<CheckBody>
      title={`${label('check')} · #${instalment.seq} · ${number(instalment.amount)}`}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{ result: 'paid', reopen: false }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="result" label={label('result')}>
        <Radio.Group
          options={(['paid', 'partly', 'not_paid'] as const).map((r) => ({
            value: r,
            label: t(`deskMediation.agreement.instalmentStatus.${r}`),
          }))}
        />
      </Form.Item>
      {result === 'partly' && (
        <Form.Item name="paidAmount" label={label('paidAmount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0.01} max={instalment.amount} precision={2} style={{ width: 180 }} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('deskMediation.action.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {result === 'not_paid' && (
        <Form.Item name="reopen" valuePropName="checked">
          <Checkbox>{label('reopen')}</Checkbox>
        </Form.Item>
      )}
    </FormDialog>
  );
}
