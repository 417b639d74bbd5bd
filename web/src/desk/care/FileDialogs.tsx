import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  CARE_GROUPS,
  CARE_NEEDS,
  CARE_RISKS,
  type CareFile,
  CLOSE_REASONS,
  type CloseFileBody,
  type FilePatchBody,
  VISIT_METHODS,
  type VisitBody,
  WELLBEING,
} from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { useCareWrite } from './care-data.ts';

export type FileDialog = 'edit' | 'close' | 'visit';

/** Changing a file's groups, risk and situation; closing it; logging a visit from the desk (a phone call, a walk-in). */
export function FileDialogs({ file, dialog, onClose }: { file: CareFile; dialog: FileDialog | null; onClose: () => void }) {
  if (dialog === 'edit') return <EditDialog file={file} onClose={onClose} />;
  if (dialog === 'close') return <CloseDialog file={file} onClose={onClose} />;
  if (dialog === 'visit') return <VisitDialog file={file} onClose={onClose} />;
  return null;
}

const options = (t: (key: string) => string, prefix: string, values: readonly string[]) =>
  values.map((value) => ({ value, label: t(`deskCare.${prefix}.${value}`) }));

function EditDialog({ file, onClose }: { file: CareFile; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilePatchBody>();
  const save = useCareWrite<FilePatchBody>(`/api/care/files/${file.id}`, {
    method: 'PATCH',
    form,
    success: t('deskCare.form.saved'),
    onDone: onClose,
  });
  return (
    <FormDialog<FilePatchBody>
      title={t('deskCare.detail.edit')}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      initialValues={{
        groups: file.groups,
        riskLevel: file.riskLevel,
        riskNote: file.riskNote,
        situation: file.situation,
        guardianName: file.guardianName,
        guardianPhone: file.guardianPhone,
      }}
      onFinish={(values) => {
        const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
        save.mutate({
          ...values,
          riskNote: blankToNull(values.riskNote),
          situation: blankToNull(values.situation),
          guardianName: blankToNull(values.guardianName),
          guardianPhone: blankToNull(values.guardianPhone),
          expectedVersion: file.version,
        });
      }}
    >
      <Form.Item name="groups" label={t('deskCare.form.groups')} rules={[{ required: true }]}>
        <Select mode="multiple" options={options(t, 'group', CARE_GROUPS)} />
      </Form.Item>
      <Form.Item name="riskLevel" label={t('deskCare.form.riskLevel')}>
        <Select options={options(t, 'risk', CARE_RISKS)} />
      </Form.Item>
      <Form.Item name="riskNote" label={t('deskCare.form.riskNote')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="situation" label={t('deskCare.form.situation')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="guardianName" label={t('deskCare.form.guardianName')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="guardianPhone" label={t('deskCare.form.guardianPhone')}>
        <Input maxLength={20} />
      </Form.Item>
    </FormDialog>
  );
}

function CloseDialog({ file, onClose }: { file: CareFile; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CloseFileBody>();
  const close = useCareWrite<CloseFileBody>(`/api/care/files/${file.id}/close`, { form, onDone: onClose });
  return (
    <FormDialog<CloseFileBody>
      title={t('deskCare.detail.close')}
      form={form}
      saving={close.isPending}
      onClose={onClose}
      onFinish={(values) => close.mutate(values)}
    >
      <Form.Item name="reason" label={t('deskCare.detail.closeNote')} rules={[{ required: true }]}>
        <Select options={options(t, 'closeReason', CLOSE_REASONS)} />
      </Form.Item>
      <Form.Item name="note" label={t('deskCare.detail.closeNote')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormDialog>
  );
}

function VisitDialog({ file, onClose }: { file: CareFile; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<VisitBody>();
  // One id from the moment the dialog opens: pressing save twice logs one visit.
  const [clientId] = useState(() => crypto.randomUUID());
  const log = useCareWrite<VisitBody>(`/api/care/files/${file.id}/visits`, { form, onDone: onClose });
  return (
    <FormDialog<VisitBody>
      title={t('deskCare.detail.logVisit')}
      form={form}
      saving={log.isPending}
      onClose={onClose}
      initialValues={{ method: 'phone', wellbeing: 'good', needs: [] }}
      onFinish={(values) => log.mutate({ ...values, clientId })}
    >
      <Form.Item name="method" label={t('deskCare.detail.method')}>
        <Select options={options(t, 'method', VISIT_METHODS)} />
      </Form.Item>
      <Form.Item name="wellbeing" label={t('deskCare.detail.wellbeing')}>
        <Select options={options(t, 'wellbeing', WELLBEING)} />
      </Form.Item>
      <Form.Item name="observations" label={t('deskCare.detail.observations')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="needs" label={t('deskCare.detail.needs')}>
        <Select mode="multiple" options={options(t, 'need', CARE_NEEDS)} />
      </Form.Item>
      <Form.Item name="needsNote" label={t('deskCare.detail.needsNote')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}
