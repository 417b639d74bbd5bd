import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { PARTY_SIDES } from '../../shared/mediation-types.ts';

/** The parties of a dispute: side, person or organisation, name and contacts, as many as there are. */
export function PartiesField() {
  const { t } = useI18n();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <fieldset className="fq-fieldset">
          <legend>{t('deskMediation.form.parties')}</legend>
          {fields.map((field, index) => (
            <div key={field.key} className="fq-party-row" data-testid={`party-${index}`}>
              <Form.Item name={[field.name, 'side']} initialValue="applicant">
                <Select
                  aria-label={t('deskMediation.form.side')}
                  options={PARTY_SIDES.map((side) => ({ value: side, label: t(`deskMediation.side.${side}`) }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} initialValue="person">
                <Select
                  aria-label={t('deskMediation.form.partyKind')}
                  options={(['person', 'organisation'] as const).map((kind) => ({
                    value: kind,
                    label: t(`deskMediation.partyKind.${kind}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('common.required') }]}>
                <Input placeholder={t('deskMediation.form.partyName')} aria-label={t('deskMediation.form.partyName')} />
              </Form.Item>
              <Form.Item name={[field.name, 'phone']}>
                <Input placeholder={t('deskMediation.form.partyPhone')} aria-label={t('deskMediation.form.partyPhone')} />
              </Form.Item>
              <Form.Item name={[field.name, 'idNumber']}>
                <Input placeholder={t('deskMediation.form.partyId')} aria-label={t('deskMediation.form.partyId')} />
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(field.name)}
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
            {t('deskMediation.form.addParty')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
