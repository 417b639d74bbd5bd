import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { PatrolPlan } from '../../shared/patrol-types.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { usePlans } from './patrol-data.ts';

/** The community's patrol plans: where, how often, which team, what to check; today's state and missed runs. */
export function PlansTab({ communityId }: { communityId: string | undefined }) {
  const { t, number, date } = useI18n();
  const [retired, setRetired] = useState(false);
  const retiredId = useId();
  const plans = usePlans(communityId, retired);
  const [editing, setEditing] = useState<PatrolPlan | 'new' | null>(null);
  return (
    <>
      <div className="fq-toolbar">
        <Button type="primary" icon={<PlusOutlined />} disabled={!communityId} onClick={() => setEditing('new')}>
          {t('deskPatrols.plans.new')}
        </Button>
        <span className="fq-inline-switch">
          <Switch id={retiredId} size="small" checked={retired} onChange={setRetired} />
          <label htmlFor={retiredId}>{t('deskPatrols.plans.showRetired')}</label>
        </span>
      </div>
      <Table
        rowKey="id"
        size="middle"
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskPatrols.plans.none') }}
        columns={[
          {
            key: 'name',
            title: t('deskPatrols.plans.name'),
            render: (_: unknown, plan: PatrolPlan) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{plan.name}</Typography.Text>
                {plan.joint && (
                  <Typography.Text type="secondary">
                    {t('deskPatrols.plans.jointWith', { names: plan.jointOrganisations.map((o) => o.name).join('、') })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { key: 'team', title: t('deskPatrols.plans.team'), render: (_: unknown, plan: PatrolPlan) => plan.teamName ?? '—' },
          {
            key: 'frequency',
            title: t('deskPatrols.plans.frequency'),
            render: (_: unknown, plan: PatrolPlan) =>
              plan.frequency === 'weekly'
                ? `${t('deskPatrols.frequency.weekly')} ${plan.weekdays.map((d) => t(`deskPatrols.weekday.${d}`)).join(' ')}`
                : t(`deskPatrols.frequency.${plan.frequency}`),
          },
          {
            key: 'points',
            title: t('deskPatrols.plans.points'),
            render: (_: unknown, plan: PatrolPlan) =>
              t('deskPatrols.plans.pointsText', { points: number(plan.points.length), items: number(plan.checklist.length) }),
          },
          {
            key: 'period',
            title: t('deskPatrols.plans.period'),
            render: (_: unknown, plan: PatrolPlan) => `${date(plan.startsOn)} – ${plan.endsOn ? date(plan.endsOn) : ''}`,
          },
          {
            key: 'today',
            title: t('deskPatrols.plans.today'),
            render: (_: unknown, plan: PatrolPlan) => {
              if (plan.retired) return <Tag>{t('deskPatrols.plans.retired')}</Tag>;
              if (plan.doneToday) return <Tag color="success">{t('deskPatrols.plans.done')}</Tag>;
              return plan.dueToday ? (
                <Tag color="warning">{t('deskPatrols.plans.due')}</Tag>
              ) : (
                <Tag>{t('deskPatrols.plans.notDue')}</Tag>
              );
            },
          },
          {
            key: 'missed',
            title: t('deskPatrols.plans.missed'),
            render: (_: unknown, plan: PatrolPlan) =>
              plan.missedDates.length > 0 ? (
                <Tag color="error" title={plan.missedDates.join(', ')}>
                  {number(plan.missedDates.length)}
                </Tag>
              ) : (
                0
              ),
          },
          {
            key: 'edit',
            title: t('deskPatrols.actions'),
            render: (_: unknown, plan: PatrolPlan) => (
              <Button size="small" onClick={() => setEditing(plan)}>
                {t('deskPatrols.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && communityId && (
        <PlanEditor plan={editing === 'new' ? null : editing} communityId={communityId} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
