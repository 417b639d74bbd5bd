import { Alert, Form, Input, Modal, Radio, Rate, Select, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { CaseAction, CaseDetail, Tier } from '../../shared/types.ts';
import { AssigneeSelect, assigneeBody } from './AssigneeSelect.tsx';
import { useCaseAction } from './case-data.ts';
import { PhotoUpload } from './PhotoUpload.tsx';
import { useOrganisations } from './reference-data.ts';

/** One step up at a time; the server holds the rule, this only offers the choices it will accept. */
const ESCALATE_TO: Record<Tier, Tier[]> = {
  grid: ['community'],
  community: ['department', 'district'],
  department: ['district'],
  district: [],
};

type Values = Record<string, unknown> & { assignee?: string; photoIds?: string[] };

/** The body each action takes (cases.schemas ACTION_BODIES), built from the form's fields. */
function bodyOf(action: CaseAction, values: Values): Record<string, unknown> {
  const { assignee, ...rest } = values;
  if (action === 'assign' && assignee) return { ...rest, ...assigneeBody(assignee) };
  return rest;
}

/** Server fields that the form names differently. */
const FORM_FIELD: Record<string, string> = { userId: 'assignee', organisationId: 'organisationId' };

interface Props {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
}

export function ActionDialog({ detail, action, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const mutation = useCaseAction();
  const [error, setError] = useState<string | null>(null);
  const departments = useOrganisations('street_department');
  const escalateTo = Form.useWatch('to', form) as Tier | undefined;
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const reason = [...required, { min: 2, message: t('deskCases.form.reasonTooShort') }];
  const text = (name: string, rules: object[] = [], placeholder?: string) => (
    <Form.Item name={name} label={t(`deskCases.form.${name}`)} rules={rules}>
      <Input.TextArea rows={3} maxLength={2000} showCount placeholder={placeholder} />
    </Form.Item>
  );

  async function submit(values: Values) {
    if (!action) return;
    setError(null);
    try {
      await mutation.mutateAsync({ id: detail.id, action, body: { ...bodyOf(action, values), expectedVersion: detail.version } });
      onClose();
    } catch (caught) {
      const message = errorMessage(t, caught);
      setError(message);
      const field = caught instanceof ApiError && caught.field ? (FORM_FIELD[caught.field] ?? caught.field) : null;
      if (field && Object.hasOwn(form.getFieldsValue(), field)) form.setFields([{ name: field, errors: [message] }]);
    }
  }

  const fields = () => {
    switch (action) {
      case 'assign':
        return (
          <>
            <Form.Item name="assignee" label={t('deskCases.assign.to')} rules={required}>
              <AssigneeSelect communityIds={detail.communityId ? [detail.communityId] : []} />
            </Form.Item>
            {text('note')}
          </>
        );
      case 'contact':
        return (
          <>
            <Form.Item name="channel" label={t('deskCases.form.channel')} rules={required} initialValue="call">
              <Radio.Group
                optionType="button"
                options={(['call', 'visit', 'message'] as const).map((value) => ({
                  value,
                  label: t(`deskCases.channel.${value}`),
                }))}
              />
            </Form.Item>
            {text('note', required, t('deskCases.form.contactPlaceholder'))}
          </>
        );
      case 'resolve':
        return (
          <>
            {text('resolution', required, t('deskCases.form.resolutionPlaceholder'))}
            <Form.Item name="photoIds" label={t('deskCases.form.afterPhotos')} initialValue={[]}>
              <PhotoUpload />
            </Form.Item>
          </>
        );
      case 'rate':
        return (
          <>
            <Form.Item
              name="rating"
              label={t('deskCases.form.rating')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Rate />
            </Form.Item>
            {text('comment')}
          </>
        );
      case 'escalate':
        return (
          <>
            <Form.Item
              name="to"
              label={t('deskCases.form.escalateTo')}
              rules={required}
              initialValue={ESCALATE_TO[detail.tier][0]}
            >
              <Radio.Group
                optionType="button"
                options={ESCALATE_TO[detail.tier].map((tier) => ({ value: tier, label: t(`case.tier.${tier}`) }))}
              />
            </Form.Item>
            {escalateTo === 'department' && (
              <Form.Item name="organisationId" label={t('deskCases.form.department')} rules={required}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={departments.isLoading}
                  placeholder={t('deskCases.form.departmentPlaceholder')}
                  options={(departments.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
                />
              </Form.Item>
            )}
            {text('reason', reason, t('deskCases.form.escalatePlaceholder'))}
          </>
        );
      case 'reject':
      case 'return':
      case 'suspend':
        return text('reason', reason, t(`deskCases.form.${action}Placeholder`));
      default:
        return text('note');
    }
  };

  return (
    <Modal
      title={action ? t('deskCases.form.title', { action: t(`case.action.${action}`), number: detail.number }) : ''}
      open={action !== null}
      okText={action ? t(`case.action.${action}`) : ''}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'reject' }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
      width={560}
    >
      {action && (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false} requiredMark>
          <Typography.Paragraph type="secondary">{t(`deskCases.form.help.${action}`)}</Typography.Paragraph>
          {fields()}
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}
