import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { Agreement, AgreementBody, Dispute } from '../../shared/mediation-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useMediationWrite } from './mediation-data.ts';

/** Drawing up the agreement, or a new version of it starting from the last: facts, numbered terms, the performance schedule. */
export function AgreementDialog({
  dispute,
  latest,
  onClose,
}: {
  dispute: Dispute;
  latest: Agreement | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AgreementBody>();
  const write = useMediationWrite<AgreementBody, Agreement>(`/api/mediation/disputes/${dispute.id}/agreement`, {
    form,
    onDone: onClose,
  });
  const label = (key: string, vars?: Record<string, number>) => t(`deskMediation.agreement.${key}`, vars);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormDialog<AgreementBody>
      title={latest ? label('redraft') : label('draft')}
      width={820}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{
        facts: latest?.facts ?? dispute.facts,
        terms: latest?.terms ?? [''],
        schedule: latest?.schedule.map(({ dueDate, amount, what }) => ({ dueDate, amount, what })) ?? [],
      }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="facts" label={label('facts')} rules={required}>
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.List name="terms">
        {(fields, { add, remove }) => (
          <fieldset className="fq-fieldset">
            <legend>{label('terms')}</legend>
            {fields.map((field, index) => (
              <div key={field.key} className="fq-list-row">
                <Form.Item name={field.name} rules={required} className="fq-grow">
                  <Input.TextArea
                    rows={2}
                    maxLength={1000}
                    aria-label={label('term', { n: index + 1 })}
                    placeholder={label('term', { n: index + 1 })}
                  />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(field.name)}
                  />
                )}
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              {label('addTerm')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.List name="schedule">
        {(fields, { add, remove }) => (
          <fieldset className="fq-fieldset">
            <legend>{label('schedule')}</legend>
            {fields.map((field) => (
              <div key={field.key} className="fq-list-row fq-instalment-row" data-testid="instalment-row">
                <Form.Item name={[field.name, 'dueDate']} rules={required}>
                  <Input type="date" aria-label={label('due')} />
                </Form.Item>
                <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: t('common.required') }]}>
                  <InputNumber
                    min={0}
                    precision={2}
                    placeholder={label('amount')}
                    aria-label={label('amount')}
                    style={{ width: 150 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'what']} rules={required} className="fq-grow">
                  <Input maxLength={200} placeholder={label('what')} aria-label={label('what')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </div>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ amount: 0 })}>
              {label('addInstalment')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </FormDialog>
  );
}
