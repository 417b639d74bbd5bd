import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { errorMessage, TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import { FREQUENCY_LIST, type Frequency, type PatrolPlan, type PlanBody } from '../../shared/patrol-types.ts';
import { useOrganisations } from '../cases/reference-data.ts';
import { usePatrolWrite, useTeams } from './patrol-data.ts';

interface PlanValues {
  name: string;
  teamId?: string | null;
  frequency: Frequency;
  weekdays: number[];
  startsOn: string;
  endsOn?: string;
  checklist: { code: string; label: string }[];
  points: { name: string; lon: number; lat: number }[];
  jointOrganisationIds: string[];
  retired: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** Today in the street's zone, as the date input wants it. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

/** A new plan's checklist starts from what a night patrol of a compound usually checks. */
const DEFAULT_CHECKLIST = ['fire_exits', 'ebike_charging', 'fire_equipment'] as const;

/** Writing a plan: its points (with their positions), checklist, frequency, team and joint organisations. */
export function PlanEditor({
  plan,
  communityId,
  onClose,
}: {
  plan: PatrolPlan | null;
  communityId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const frequency = Form.useWatch('frequency', form);
  const teams = useTeams(plan?.communityId ?? communityId);
  const departments = useOrganisations('street_department');
  const companies = useOrganisations('property_company');
  const create = usePatrolWrite<PlanBody>(() => '/api/patrols/plans');
  const update = usePatrolWrite<Partial<PlanBody> & { retired: boolean }>(() => `/api/patrols/plans/${plan?.id}`, 'PATCH');
  const saving = create.isPending || update.isPending;

  const initial: PlanValues = plan
    ? {
        name: plan.name,
        teamId: plan.teamId,
        frequency: plan.frequency,
        weekdays: plan.weekdays,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn ?? '',
        checklist: plan.checklist,
        points: plan.points.map(({ name, lon, lat }) => ({ name, lon, lat })),
        jointOrganisationIds: plan.jointOrganisations.map((o) => o.id),
        retired: plan.retired,
      }
    : {
        name: '',
        teamId: null,
        frequency: 'daily',
        weekdays: [],
        startsOn: today(),
        endsOn: '',
        checklist: DEFAULT_CHECKLIST.map((code) => ({ code, label: t(`deskPatrols.checklist.${code}`) })),
        points: [{ name: '', lon: 0, lat: 0 }],
        jointOrganisationIds: [],
        retired: false,
      };

  function save(values: PlanValues) {
    const body = {
      name: values.name.trim(),
      teamId: values.teamId ?? null,
      frequency: values.frequency,
      weekdays: values.frequency === 'weekly' ? values.weekdays : [],
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      checklist: values.checklist.map((item) => ({ code: item.code.trim(), label: item.label.trim() })),
      points: values.points.map((point) => ({ name: point.name.trim(), lon: point.lon, lat: point.lat })),
      jointOrganisationIds: values.jointOrganisationIds,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('deskPatrols.plans.saved'));
        onClose();
      },
      onError: (error: unknown) => void message.error(errorMessage(t, error)),
    };
    if (plan) update.mutate({ ...body, retired: values.retired }, done);
    else create.mutate({ communityId, ...body }, done);
  }

  return (
    <Drawer
      open
      width={720}
      title={plan ? t('deskPatrols.plans.editTitle', { name: plan.name }) : t('deskPatrols.plans.new')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<PlanValues> form={form} layout="vertical" initialValues={initial} onFinish={save}>
        <Form.Item
          name="name"
          label={t('deskPatrols.plans.name')}
          rules={[{ required: true, whitespace: true, message: t('deskPatrols.plans.nameMissing') }]}
        >
          <Input maxLength={80} />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="teamId" label={t('deskPatrols.plans.team')}>
            <Select
              allowClear
              style={{ width: 200 }}
              options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
          <Form.Item name="frequency" label={t('deskPatrols.plans.frequency')}>
            <Select
              style={{ width: 140 }}
              options={FREQUENCY_LIST.map((f) => ({ value: f, label: t(`deskPatrols.frequency.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="startsOn" label={t('deskPatrols.plans.startsOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('deskPatrols.plans.endsOn')}>
            <Input type="date" />
          </Form.Item>
        </Space>
        {frequency === 'weekly' && (
          <Form.Item
            name="weekdays"
            label={t('deskPatrols.plans.weekdays')}
            rules={[{ required: true, type: 'array', min: 1, message: t('deskPatrols.plans.weekdaysMissing') }]}
          >
            <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`deskPatrols.weekday.${d}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="jointOrganisationIds" label={t('deskPatrols.plans.joint')} extra={t('deskPatrols.plans.jointHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={[...(departments.data ?? []), ...(companies.data ?? [])].map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>

        <fieldset className="fq-fieldset">
          <legend>{t('deskPatrols.plans.pointsTitle')}</legend>
          <Form.List name="points">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" className="fq-list-row">
                    <span className="fq-list-index">{index + 1}</span>
                    <Form.Item
                      name={[field.name, 'name']}
                      rules={[{ required: true, whitespace: true, message: t('deskPatrols.plans.pointNameMissing') }]}
                    >
                      <Input
                        placeholder={t('deskPatrols.plans.pointName')}
                        aria-label={t('deskPatrols.plans.pointName')}
                        style={{ width: 260 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'lon']} rules={[{ required: true }]}>
                      <InputNumber
                        min={-180}
                        max={180}
                        step={0.0001}
                        placeholder={t('deskPatrols.plans.lon')}
                        aria-label={t('deskPatrols.plans.lon')}
                        style={{ width: 130 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'lat']} rules={[{ required: true }]}>
                      <InputNumber
                        min={-90}
                        max={90}
                        step={0.0001}
                        placeholder={t('deskPatrols.plans.lat')}
                        aria-label={t('deskPatrols.plans.lat')}
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <MinusCircleOutlined aria-label={t('deskPatrols.plans.remove')} onClick={() => remove(field.name)} />
                    )}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', lon: 0, lat: 0 })}>
                  {t('deskPatrols.plans.addPoint')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>

        <fieldset className="fq-fieldset">
          <legend>{t('deskPatrols.plans.checklistTitle')}</legend>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" className="fq-list-row">
                    <Form.Item
                      name={[field.name, 'label']}
                      rules={[{ required: true, whitespace: true, message: t('deskPatrols.plans.itemMissing') }]}
                    >
                      <Input
                        placeholder={t('deskPatrols.plans.itemLabel')}
                        aria-label={t('deskPatrols.plans.itemLabel')}
                        style={{ width: 300 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'code']}
                      rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('deskPatrols.plans.codeInvalid') }]}
                    >
                      <Input
                        placeholder={t('deskPatrols.plans.itemCode')}
                        aria-label={t('deskPatrols.plans.itemCode')}
                        style={{ width: 200 }}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <MinusCircleOutlined aria-label={t('deskPatrols.plans.remove')} onClick={() => remove(field.name)} />
                    )}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', label: '' })}>
                  {t('deskPatrols.plans.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
        {plan && (
          <Form.Item name="retired" label={t('deskPatrols.plans.retire')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
