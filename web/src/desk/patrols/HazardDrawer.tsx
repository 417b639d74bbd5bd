import { App, Button, Descriptions, Drawer, Empty, Form, Input, Radio, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import {
  HAZARD_LEVEL_LIST,
  type HazardDetail,
  type HazardLevel,
  type OrderBody,
  PARTY_KIND_LIST,
  type PartyKind,
  type ReinspectBody,
} from '../../shared/patrol-types.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { useOrganisations } from '../cases/reference-data.ts';
import { useHazard, usePatrolWrite } from './patrol-data.ts';

/** One hazard: where it stands, its orders and re-inspections, and the next move the reader may make. */
export function HazardDrawer({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t, date, dateTime } = useI18n();
  const hazard = useHazard(caseId);
  const [form, setForm] = useState<'order' | 'reinspect' | null>(null);
  const data = hazard.data;
  return (
    <Drawer
      open
      width={680}
      title={data ? `${data.number} · ${data.title}` : t('common.loading')}
      onClose={onClose}
      loading={hazard.isLoading}
      extra={
        data && (
          <Space>
            {data.allowed.order && (
              <Button type="primary" onClick={() => setForm('order')}>
                {data.order ? t('deskPatrols.order.again') : t('deskPatrols.order.issue')}
              </Button>
            )}
            {data.allowed.reinspect && (
              <Button type="primary" onClick={() => setForm('reinspect')}>
                {t('deskPatrols.reinspect.action')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {data && (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'stage', label: t('deskPatrols.hazards.stage'), children: t(`deskPatrols.stage.${data.stage}`) },
              { key: 'state', label: t('deskPatrols.hazards.caseState'), children: t(`case.state.${data.state}`) },
              { key: 'category', label: t('deskPatrols.hazards.category'), children: data.categoryName },
              { key: 'grid', label: t('deskPatrols.hazards.grid'), children: data.gridName },
              {
                key: 'level',
                label: t('deskPatrols.hazards.level'),
                children: data.level ? t(`deskPatrols.level.${data.level}`) : '—',
              },
              {
                key: 'due',
                label: t('deskPatrols.hazards.due'),
                children: (
                  <>
                    {date(data.dueDate)} {data.overdue && <Tag color="error">{t('deskPatrols.hazards.overdue')}</Tag>}
                  </>
                ),
              },
              {
                key: 'from',
                label: t('deskPatrols.hazards.from'),
                children: data.fromPatrol
                  ? `${data.fromPatrol.planName}${data.fromPatrol.teamName ? ` · ${data.fromPatrol.teamName}` : ''}`
                  : t('deskPatrols.hazards.notPatrol'),
              },
              {
                key: 'case',
                label: t('deskPatrols.hazards.case'),
                children: <Link href={`/cases/${data.caseId}`}>{t('deskPatrols.hazards.openCase')}</Link>,
              },
            ]}
          />
          {form === 'order' && <OrderForm hazard={data} onDone={() => setForm(null)} />}
          {form === 'reinspect' && <ReinspectForm hazard={data} onDone={() => setForm(null)} />}
          <Typography.Title level={5} className="fq-section-title">
            {t('deskPatrols.order.history')}
          </Typography.Title>
          {data.orders.length === 0 && data.reinspections.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskPatrols.order.none')} />
          ) : (
            <Timeline
              items={[
                ...data.orders.map((order) => ({
                  key: order.id,
                  time: order.issuedAt,
                  color: 'blue',
                  children: (
                    <>
                      <Typography.Text strong>
                        {t('deskPatrols.order.round', { n: order.round })} · {order.partyName} (
                        {t(`deskPatrols.party.${order.partyKind}`)})
                      </Typography.Text>
                      <div>{order.requirement}</div>
                      <Typography.Text type="secondary">
                        {t('deskPatrols.order.issuedBy', {
                          name: order.issuedBy,
                          time: dateTime(order.issuedAt),
                          due: date(order.dueDate),
                        })}
                      </Typography.Text>
                    </>
                  ),
                })),
                ...data.reinspections.map((r) => ({
                  key: r.id,
                  time: r.inspectedAt,
                  color: r.result === 'rectified' ? 'green' : 'red',
                  children: (
                    <>
                      <Typography.Text strong>{t(`deskPatrols.result.${r.result}`)}</Typography.Text>
                      {r.note && <div>{r.note}</div>}
                      <Typography.Text type="secondary">
                        {r.inspectedBy} · {dateTime(r.inspectedAt)}
                      </Typography.Text>
                    </>
                  ),
                })),
              ]
                .sort((a, b) => a.time.localeCompare(b.time))
                .map(({ time: _, ...item }) => item)}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

interface OrderValues {
  partyKind: PartyKind;
  organisationId?: string;
  partyName?: string;
  partyPhone?: string;
  level: HazardLevel;
  requirement: string;
}

/** A rectification order: who must fix it (a company or department by account, a shop or owner by name), what, how urgently. */
function OrderForm({ hazard, onDone }: { hazard: HazardDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrderValues>();
  const kind = Form.useWatch('partyKind', form) ?? 'property';
  const companies = useOrganisations('property_company');
  const departments = useOrganisations('street_department');
  const organisations = kind === 'property' ? companies.data : kind === 'department' ? departments.data : undefined;
  const order = usePatrolWrite<OrderBody, HazardDetail>(() => `/api/patrols/hazards/${hazard.caseId}/order`);
  return (
    <Form<OrderValues>
      form={form}
      layout="vertical"
      className="fq-drawer-form"
      aria-label={t('deskPatrols.order.issue')}
      initialValues={{ partyKind: 'property', level: hazard.level ?? 'general', requirement: '' }}
      onFinish={(values) => {
        const byAccount = values.partyKind === 'property' || values.partyKind === 'department';
        const body: OrderBody = {
          partyKind: values.partyKind,
          level: values.level,
          requirement: values.requirement.trim(),
          ...(byAccount && values.organisationId ? { organisationId: values.organisationId } : {}),
          ...(!byAccount && values.partyName ? { partyName: values.partyName.trim() } : {}),
          ...(values.partyPhone?.trim() ? { partyPhone: values.partyPhone.trim() } : {}),
        };
        order.mutate(body, {
          onSuccess: () => {
            void message.success(t('deskPatrols.order.issued'));
            onDone();
          },
          onError: (error) => void message.error(errorMessage(t, error)),
        });
      }}
    >
      <Typography.Title level={5}>{t('deskPatrols.order.issue')}</Typography.Title>
      <Form.Item name="partyKind" label={t('deskPatrols.order.partyKind')}>
        <Radio.Group
          optionType="button"
          options={PARTY_KIND_LIST.map((k) => ({ value: k, label: t(`deskPatrols.party.${k}`) }))}
        />
      </Form.Item>
      {organisations ? (
        <Form.Item
          name="organisationId"
          label={t('deskPatrols.order.organisation')}
          rules={[{ required: true, message: t('deskPatrols.order.organisationMissing') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            aria-label={t('deskPatrols.order.organisation')}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="partyName"
          label={t('deskPatrols.order.partyName')}
          rules={[{ required: true, whitespace: true, message: t('deskPatrols.order.partyNameMissing') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.Item
        name="partyPhone"
        label={t('deskPatrols.order.partyPhone')}
        rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('deskPatrols.order.phoneInvalid') }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="level" label={t('deskPatrols.hazards.level')} extra={t('deskPatrols.order.levelHint')}>
        <Radio.Group options={HAZARD_LEVEL_LIST.map((l) => ({ value: l, label: t(`deskPatrols.level.${l}`) }))} />
      </Form.Item>
      <Form.Item
        name="requirement"
        label={t('deskPatrols.order.requirement')}
        rules={[{ required: true, whitespace: true, message: t('deskPatrols.order.requirementMissing') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Space>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={order.isPending}>
          {t('deskPatrols.order.submit')}
        </Button>
      </Space>
    </Form>
  );
}

interface ReinspectValues {
  result: ReinspectBody['result'];
  note?: string;
  photoIds?: string[];
}

function ReinspectForm({ hazard, onDone }: { hazard: HazardDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReinspectValues>();
  const reinspect = usePatrolWrite<ReinspectBody, HazardDetail>(() => `/api/patrols/hazards/${hazard.caseId}/reinspect`);
  return (
    <Form<ReinspectValues>
      form={form}
      layout="vertical"
      className="fq-drawer-form"
      aria-label={t('deskPatrols.reinspect.action')}
      onFinish={(values) =>
        reinspect.mutate(
          {
            result: values.result,
            photoIds: values.photoIds ?? [],
            ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          },
          {
            onSuccess: () => {
              void message.success(t('deskPatrols.reinspect.saved'));
              onDone();
            },
            onError: (error) => void message.error(errorMessage(t, error)),
          },
        )
      }
    >
      <Typography.Title level={5}>{t('deskPatrols.reinspect.action')}</Typography.Title>
      <Form.Item
        name="result"
        label={t('deskPatrols.reinspect.result')}
        rules={[{ required: true, message: t('deskPatrols.reinspect.resultMissing') }]}
      >
        <Radio.Group
          options={(['rectified', 'not_rectified'] as const).map((r) => ({ value: r, label: t(`deskPatrols.result.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('deskPatrols.reinspect.note')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="photoIds" label={t('deskPatrols.reinspect.photos')}>
        <PhotoUpload />
      </Form.Item>
      <Space>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={reinspect.isPending}>
          {t('deskPatrols.reinspect.submit')}
        </Button>
      </Space>
    </Form>
  );
}
