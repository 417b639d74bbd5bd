import { Form, Input, Select } from 'antd';
import { useRef, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { CARE_GROUPS, CARE_RISKS, type CareFile, type OpenFileBody } from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import type { Page } from '../../shared/types.ts';
import { FormDialog } from '../FormDialog.tsx';
import { useCareWrite } from './care-data.ts';

interface ResidentOption {
  id: string;
  name: string;
  householdName: string;
  phone: string | null;
  tags: string[];
}

/** A new care file on a resident of the reader's area, found by name, mobile or ID number. */
export function OpenFileDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (file: CareFile) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OpenFileBody>();
  const [options, setOptions] = useState<ResidentOption[]>([]);
  const [searching, setSearching] = useState(false);
  // Answers may come back out of order while typing: only the latest search's counts.
  const latest = useRef('');
  const open = useCareWrite<OpenFileBody, CareFile>('/api/care/files', {
    form,
    onDone: (file) => onOpened(file),
  });

  async function search(q: string) {
    latest.current = q.trim();
    if (!latest.current) return;
    setSearching(true);
    try {
      const page = await api<Page<ResidentOption>>(`/api/residents${query({ q: q.trim(), limit: 20 })}`);
      if (latest.current === q.trim()) setOptions(page.items);
    } finally {
      if (latest.current === q.trim()) setSearching(false);
    }
  }

  return (
    <FormDialog<OpenFileBody>
      title={t('deskCare.new')}
      form={form}
      saving={open.isPending}
      onClose={onClose}
      width={560}
      initialValues={{ riskLevel: 'low', groups: [] }}
      onFinish={({ lastVisitedOn, ...values }) => open.mutate({ ...values, ...(lastVisitedOn ? { lastVisitedOn } : {}) })}
    >
      <Form.Item
        name="residentId"
        label={t('deskCare.form.resident')}
        extra={t('deskCare.form.residentHint')}
        rules={[{ required: true }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
          loading={searching}
          options={options.map((r) => ({
            value: r.id,
            label: `${r.name} · ${r.householdName}${r.phone ? ` · ${r.phone}` : ''}`,
          }))}
          onChange={(id) => {
            const tags = options.find((r) => r.id === id)?.tags ?? [];
            form.setFieldValue(
              'groups',
              CARE_GROUPS.filter((g) => tags.includes(g)),
            );
          }}
        />
      </Form.Item>
      <Form.Item name="groups" label={t('deskCare.form.groups')} rules={[{ required: true }]}>
        <Select mode="multiple" options={CARE_GROUPS.map((g) => ({ value: g, label: t(`deskCare.group.${g}`) }))} />
      </Form.Item>
      <Form.Item name="riskLevel" label={t('deskCare.form.riskLevel')} rules={[{ required: true }]}>
        <Select options={CARE_RISKS.map((r) => ({ value: r, label: t(`deskCare.risk.${r}`) }))} />
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
      <Form.Item name="lastVisitedOn" label={t('deskCare.form.lastVisitedOn')} extra={t('deskCare.form.lastVisitedOnHint')}>
        <Input type="date" style={{ width: 180 }} />
      </Form.Item>
    </FormDialog>
  );
}
