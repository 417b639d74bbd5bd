import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { Studio, StudioBody } from '../../shared/mediation-types.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { FormDialog } from '../FormDialog.tsx';
import { MediatorsSelect } from './MediationSelects.tsx';
import { useMediationWrite, useStudios } from './mediation-data.ts';
import { studioHours } from './studio-hours.ts';

/** The street's studios with their hours and mediators; staff open new ones. */
export function StudiosTab() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const studios = useStudios();
  const [adding, setAdding] = useState(false);
  const label = (key: string) => t(`deskMediation.studios.${key}`);
  return (
    <>
      {hasPermission(me, 'mediation.manage') && (
        <Button type="primary" icon={<PlusOutlined />} className="fq-gap" onClick={() => setAdding(true)}>
          {label('add')}
        </Button>
      )}
      <Table<Studio>
        rowKey="id"
        size="middle"
        loading={studios.isLoading}
        dataSource={studios.data ?? []}
        pagination={false}
        locale={{ emptyText: label('none') }}
        columns={[
          { key: 'name', title: label('name'), dataIndex: 'name' },
          { key: 'node', title: label('node'), dataIndex: 'nodeName' },
          { key: 'address', title: label('address'), dataIndex: 'address' },
          {
            key: 'hours',
            title: label('hours'),
            render: (_, s) => studioHours(t, s.schedule).map((line) => <div key={line}>{line}</div>),
          },
          {
            key: 'mediators',
            title: label('mediators'),
            render: (_, s) =>
              s.mediators.map((m) => (
                <Tag key={m.id}>
                  {m.name} · {t(`deskMediation.mediatorKind.${m.kind}`)}
                </Tag>
              )),
          },
        ]}
      />
      {adding && <StudioDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function StudioDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<StudioBody>();
  const write = useMediationWrite<StudioBody>('/api/mediation/studios', {
    form,
    success: t('deskMediation.studios.saved'),
    onDone: onClose,
  });
  const label = (key: string) => t(`deskMediation.studios.${key}`);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormDialog<StudioBody>
      title={label('add')}
      width={760}
      form={form}
      saving={write.isPending}
      onClose={onClose}
      initialValues={{
        schedule: [{ weekday: 4, start: '14:00', end: '17:00', slotMinutes: 30, capacity: 1 }],
        mediatorIds: [],
      }}
      onFinish={(values) => write.mutate(values)}
    >
      <Form.Item name="nodeId" label={label('node')} rules={required}>
        <AreaTreeSelect onChange={(nodeId) => form.setFieldValue('nodeId', nodeId)} />
      </Form.Item>
      <Form.Item name="name" label={label('name')} rules={required}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="address" label={label('address')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="mediatorIds" label={label('mediators')}>
        <MediatorsSelect />
      </Form.Item>
      <Form.List name="schedule">
        {(fields, { add, remove }) => (
          <fieldset className="fq-fieldset">
            <legend>{label('hours')}</legend>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'weekday']} label={label('weekday')}>
                  <Select
                    style={{ width: 96 }}
                    options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`deskMediation.studios.weekdays.${d}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'start']} label={label('start')} rules={required}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name={[field.name, 'end']} label={label('end')} rules={required}>
                  <Input type="time" />
                </Form.Item>
                <Form.Item name={[field.name, 'slotMinutes']} label={label('slotMinutes')}>
                  <InputNumber min={10} max={240} step={10} />
                </Form.Item>
                <Form.Item name={[field.name, 'capacity']} label={label('capacity')}>
                  <InputNumber min={1} max={50} />
                </Form.Item>
                <Button
                  type="text"
                  className="fq-row-remove"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('common.remove')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ weekday: 1, start: '09:00', end: '11:30', slotMinutes: 30, capacity: 1 })}
            >
              {label('addHours')}
            </Button>
          </fieldset>
        )}
      </Form.List>
    </FormDialog>
  );
}
