import { Button, Checkbox, Drawer, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import {
  DISPUTE_SOURCES,
  DISPUTE_TYPES,
  type Dispute,
  type OpenDisputeBody,
  RISK_LEVELS,
  RISK_REASONS,
} from '../../shared/mediation-types.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { CaseSearchSelect } from './CaseSearchSelect.tsx';
import { MediatorSelect, StudioSelect } from './MediationSelects.tsx';
import { useMediationWrite } from './mediation-data.ts';
import { PartiesField } from './PartiesField.tsx';

/**
 * A new dispute file: from a case (its reporter becomes the applicant), a walk-in or a referral.
 * Opened from a case's page, the case comes chosen.
 */
export function OpenDisputeDrawer({ caseId, onClose }: { caseId?: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [form] = Form.useForm<OpenDisputeBody>();
  const source = Form.useWatch('source', form);
  const risk = Form.useWatch('riskLevel', form);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const open = useMediationWrite<OpenDisputeBody, Dispute>('/api/mediation/disputes', {
    form,
    onDone: (dispute) => navigate(`/disputes/${dispute.id}`),
  });
  const label = (key: string) => t(`deskMediation.form.${key}`);

  return (
    <Drawer
      open
      size={720}
      title={label('title')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={open.isPending} onClick={() => form.submit()}>
            {label('submit')}
          </Button>
        </Space>
      }
    >
      <Form<OpenDisputeBody>
        form={form}
        layout="vertical"
        initialValues={{
          source: caseId ? 'case' : 'walk_in',
          caseId,
          type: 'neighbour',
          peopleInvolved: 2,
          amount: 0,
          riskLevel: 'low',
          riskReasons: [],
          parties: [],
        }}
        onFinish={(values) => open.mutate(values)}
      >
        <Form.Item name="source" label={label('source')}>
          <Radio.Group
            optionType="button"
            options={DISPUTE_SOURCES.map((s) => ({ value: s, label: t(`deskMediation.source.${s}`) }))}
          />
        </Form.Item>
        {source === 'case' ? (
          <Form.Item name="caseId" label={label('case')} rules={required} extra={label('caseHint')}>
            <CaseSearchSelect placeholder={label('casePlaceholder')} />
          </Form.Item>
        ) : (
          <Form.Item name="nodeId" label={label('node')} rules={required}>
            <AreaTreeSelect onChange={(nodeId) => form.setFieldValue('nodeId', nodeId)} />
          </Form.Item>
        )}
        {source === 'referral' && (
          <Form.Item name="referredBy" label={label('referredBy')} rules={required}>
            <Input maxLength={100} placeholder={label('referredByPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="type" label={label('type')}>
          <Select options={DISPUTE_TYPES.map((type) => ({ value: type, label: t(`deskMediation.type.${type}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={label('titleField')} rules={required}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="facts" label={label('facts')} rules={required}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={label('factsPlaceholder')} />
        </Form.Item>
        <PartiesField />
        <Space size={16} wrap>
          <Form.Item name="peopleInvolved" label={label('people')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={1} max={100_000} precision={0} />
          </Form.Item>
          <Form.Item name="amount" label={label('amount')}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="riskLevel" label={label('risk')}>
          <Radio.Group
            optionType="button"
            options={RISK_LEVELS.map((r) => ({ value: r, label: t(`deskMediation.risk.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="riskReasons"
          label={label('riskReasons')}
          rules={
            risk === 'high' ? [{ required: true, type: 'array', min: 1, message: t('errors.DISPUTE_RISK_REASON_REQUIRED') }] : []
          }
        >
          <Checkbox.Group options={RISK_REASONS.map((r) => ({ value: r, label: t(`deskMediation.riskReason.${r}`) }))} />
        </Form.Item>
        <Space size={16} wrap>
          <Form.Item name="mediatorId" label={label('mediator')}>
            <MediatorSelect />
          </Form.Item>
          <Form.Item name="studioId" label={label('studio')}>
            <StudioSelect />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('deskMediation.detail.masked')}</Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
