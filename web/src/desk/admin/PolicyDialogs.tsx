import { Form, InputNumber, Modal, Radio, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { api } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { TIER_ORDER, useCategories, useStreets } from './admin-queries.ts';
import type { DeadlinePolicy, ResponsePolicy } from './admin-types.ts';

interface PolicyForm {
  tier: DeadlinePolicy['tier'];
  categoryId?: string;
  streetId?: string;
  workingDays: number;
  kind: DeadlinePolicy['kind'];
  warnHours: number;
}

/** A tier's working days, nationally or for a street, for all categories or one. Saving the same key replaces it. */
export function PolicyDialog({ policy, onClose }: { policy: DeadlinePolicy | 'new' | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<PolicyForm>();
  const categories = useCategories();
  const streets = useStreets();
  const isNew = policy === 'new';
  useEffect(() => {
    if (policy && policy !== 'new') {
      form.setFieldsValue({ ...policy, categoryId: policy.categoryId ?? undefined, streetId: policy.streetId ?? undefined });
    } else form.resetFields();
  }, [policy, form]);
  const save = useDeskMutation((body: PolicyForm) => api('/api/deadline-policies', { method: 'PUT', body }), {
    invalidate: [['deadline-policies']],
    form,
    success: t('admin.common.saved'),
    onDone: onClose,
  });
  return (
    <Modal
      open={policy !== null}
      title={isNew ? t('admin.deadlines.add') : t('admin.common.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values)}
        initialValues={{ kind: 'handle', warnHours: 24, workingDays: 5, tier: 'grid' }}
      >
        <Form.Item name="tier" label={t('admin.deadlines.tier')} rules={[{ required: true }]}>
          <Select disabled={!isNew} options={TIER_ORDER.map((tier) => ({ value: tier, label: t(`case.tier.${tier}`) }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('admin.deadlines.category')} extra={t('admin.deadlines.categoryHint')}>
          <TreeSelect
            allowClear
            disabled={!isNew}
            placeholder={t('admin.deadlines.allCategories')}
            treeData={(categories.data ?? []).map((c) => ({
              value: c.id,
              title: pick(c),
              children: c.children.map((child) => ({ value: child.id, title: pick(child) })),
            }))}
          />
        </Form.Item>
        <Form.Item name="streetId" label={t('admin.deadlines.scope')}>
          <Select
            allowClear
            disabled={!isNew}
            placeholder={t('admin.deadlines.national')}
            options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="workingDays" label={t('admin.deadlines.workingDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.deadlines.kind')}>
          <Radio.Group
            optionType="button"
            options={(['handle', 'answer', 'explain'] as const).map((k) => ({ value: k, label: t(`admin.deadlineKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="warnHours" label={t('admin.deadlines.warnHours')} extra={t('admin.deadlines.warnHint')}>
          <InputNumber min={0} max={720} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ResponseForm {
  unit: 'hours' | 'workingDays';
  amount: number;
}

/** The first-contact limit of a priority: elapsed hours, or working days. */
export function ResponseDialog({ policy, onClose }: { policy: ResponsePolicy | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResponseForm>();
  const unit = Form.useWatch('unit', form);
  useEffect(() => {
    if (policy) {
      form.setFieldsValue(
        policy.hours !== null
          ? { unit: 'hours', amount: policy.hours }
          : { unit: 'workingDays', amount: policy.workingDays ?? 1 },
      );
    }
  }, [policy, form]);
  const save = useDeskMutation(
    ({ unit, amount }: ResponseForm) =>
      api(`/api/response-policies/${policy?.priority}`, { method: 'PUT', body: { [unit]: amount } }),
    { invalidate: [['response-policies']], form, success: t('admin.common.saved'), onDone: onClose },
  );
  return (
    <Modal
      open={policy !== null}
      title={policy ? t('admin.responses.editTitle', { priority: t(`case.priority.${policy.priority}`) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item name="unit" label={t('admin.responses.unit')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'hours', label: t('admin.responses.hours') },
              { value: 'workingDays', label: t('admin.responses.workingDays') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('admin.responses.amount')} rules={[{ required: true }]}>
          <InputNumber min={unit === 'hours' ? 1 : 0} max={unit === 'hours' ? 240 : 10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
