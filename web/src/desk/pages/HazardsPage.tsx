import { Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import { type Hazard, type HazardStage, STAGE_LIST } from '../../shared/patrol-types.ts';
import { useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';
import { HazardDrawer } from '../patrols/HazardDrawer.tsx';
import '../patrols/messages.ts';
import { useHazards } from '../patrols/patrol-data.ts';

export const STAGE_COLORS: Record<HazardStage, string> = {
  awaiting_order: 'orange',
  rectifying: 'processing',
  awaiting_reinspection: 'purple',
  rectified: 'success',
  closed: 'default',
};

/** Hazards by where they stand in their rectification: order them, follow them, re-inspect them. */
export default function HazardsPage() {
  const { t, date } = useI18n();
  const { data: me } = useMe();
  const [stage, setStage] = useState<HazardStage | 'all'>('awaiting_order');
  const [overdue, setOverdue] = useState(false);
  const [nodeId, setNodeId] = useState<string | undefined>(undefined);
  const hazards = useHazards({ stage: stage === 'all' ? undefined : stage, nodeId, overdue });
  const [open, setOpen] = useState<string | null>(null);
  const overdueId = useId();
  const home = me?.roles.find((role) => role.nodeId)?.nodeId ?? undefined;

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskPatrols.hazards.title')}</Typography.Title>
        <AreaTreeSelect
          value={nodeId ?? home}
          onChange={setNodeId}
          prefix={t('deskPatrols.area')}
          aria-label={t('deskPatrols.area')}
          style={{ width: 320 }}
        />
      </div>
      <Space className="fq-toolbar" wrap>
        <Segmented
          value={stage}
          onChange={(value) => setStage(value as HazardStage | 'all')}
          options={[...STAGE_LIST, 'all' as const].map((s) => ({ value: s, label: t(`deskPatrols.stage.${s}`) }))}
        />
        <span className="fq-inline-switch">
          <Switch id={overdueId} size="small" checked={overdue} onChange={setOverdue} />
          <label htmlFor={overdueId}>{t('deskPatrols.hazards.overdueOnly')}</label>
        </span>
      </Space>
      <Table
        rowKey="caseId"
        size="middle"
        loading={hazards.isLoading}
        dataSource={hazards.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskPatrols.hazards.none') }}
        onRow={(hazard) => ({ onClick: () => setOpen(hazard.caseId), className: 'fq-clickable' })}
        columns={[
          { key: 'number', title: t('deskPatrols.hazards.number'), dataIndex: 'number', width: 130 },
          {
            key: 'title',
            title: t('deskPatrols.hazards.hazard'),
            render: (_: unknown, h: Hazard) => (
              <Space direction="vertical" size={0}>
                <Typography.Link>{h.title}</Typography.Link>
                <Typography.Text type="secondary">
                  {h.categoryName} · {h.gridName}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'level',
            title: t('deskPatrols.hazards.level'),
            render: (_: unknown, h: Hazard) =>
              h.level ? <Tag color={h.level === 'major' ? 'error' : 'warning'}>{t(`deskPatrols.level.${h.level}`)}</Tag> : '—',
          },
          {
            key: 'stage',
            title: t('deskPatrols.hazards.stage'),
            render: (_: unknown, h: Hazard) => <Tag color={STAGE_COLORS[h.stage]}>{t(`deskPatrols.stage.${h.stage}`)}</Tag>,
          },
          { key: 'party', title: t('deskPatrols.hazards.party'), render: (_: unknown, h: Hazard) => h.order?.partyName ?? '—' },
          {
            key: 'due',
            title: t('deskPatrols.hazards.due'),
            render: (_: unknown, h: Hazard) => (
              <Space size={4}>
                {date(h.dueDate)}
                {h.overdue && <Tag color="error">{t('deskPatrols.hazards.overdue')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'from',
            title: t('deskPatrols.hazards.from'),
            render: (_: unknown, h: Hazard) => h.fromPatrol?.planName ?? t('deskPatrols.hazards.notPatrol'),
          },
        ]}
      />
      {open && <HazardDrawer caseId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
