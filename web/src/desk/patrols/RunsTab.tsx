import { Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import { FAR_CHECKIN_METRES, type PatrolRun, type PatrolRunSummary } from '../../shared/patrol-types.ts';
import { useRun, useRuns } from './patrol-data.ts';

const localDate = (time: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(time));

/** The runs walked in a period, with how many check-ins were far from their points; one opens with its check-ins. */
export function RunsTab({ communityId }: { communityId: string | undefined }) {
  const { t, number, date, dateTime } = useI18n();
  const [from, setFrom] = useState(() => localDate(Date.now() - 13 * 86_400_000));
  const [to, setTo] = useState(() => localDate(Date.now()));
  const runs = useRuns({ communityId, from, to });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Space className="fq-toolbar">
        <Input
          type="date"
          prefix={t('deskPatrols.runs.from')}
          aria-label={t('deskPatrols.runs.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 190 }}
        />
        <Input
          type="date"
          prefix={t('deskPatrols.runs.to')}
          aria-label={t('deskPatrols.runs.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          style={{ width: 190 }}
        />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        loading={runs.isLoading}
        dataSource={runs.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskPatrols.runs.none') }}
        onRow={(run) => ({ onClick: () => setOpen(run.id), className: 'fq-clickable' })}
        columns={[
          { key: 'date', title: t('deskPatrols.runs.date'), render: (_: unknown, run: PatrolRunSummary) => date(run.runDate) },
          {
            key: 'plan',
            title: t('deskPatrols.runs.plan'),
            render: (_: unknown, run: PatrolRunSummary) => (
              <Space direction="vertical" size={0}>
                <Typography.Link>{run.planName}</Typography.Link>
                <Typography.Text type="secondary">{run.teamName ?? ''}</Typography.Text>
              </Space>
            ),
          },
          { key: 'by', title: t('deskPatrols.runs.by'), render: (_: unknown, run: PatrolRunSummary) => run.startedBy.name },
          {
            key: 'time',
            title: t('deskPatrols.runs.time'),
            render: (_: unknown, run: PatrolRunSummary) =>
              run.finishedAt ? (
                `${dateTime(run.startedAt)} – ${dateTime(run.finishedAt)}`
              ) : (
                <Tag color="processing">{t('deskPatrols.runs.walking')}</Tag>
              ),
          },
          {
            key: 'checkins',
            title: t('deskPatrols.runs.checkins'),
            render: (_: unknown, run: PatrolRunSummary) => `${number(run.checkinCount)} / ${number(run.pointsTotal)}`,
          },
          {
            key: 'far',
            title: t('deskPatrols.runs.far'),
            render: (_: unknown, run: PatrolRunSummary) =>
              run.farCheckins > 0 ? <Tag color="error">{number(run.farCheckins)}</Tag> : <Tag color="success">0</Tag>,
          },
          {
            key: 'findings',
            title: t('deskPatrols.runs.findings'),
            render: (_: unknown, run: PatrolRunSummary) => number(run.findingCount),
          },
        ]}
      />
      {open && <RunDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function RunDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, number, dateTime } = useI18n();
  const run = useRun(id);
  const data = run.data;
  return (
    <Drawer
      open
      width={760}
      title={data ? `${data.planName} · ${data.runDate}` : t('common.loading')}
      onClose={onClose}
      loading={run.isLoading}
    >
      {data && (
        <>
          <Typography.Paragraph>
            {t('deskPatrols.runs.walkedBy', { name: data.startedBy.name, time: dateTime(data.startedAt) })}
            {data.organisations.length > 0 &&
              ` · ${t('deskPatrols.runs.with', { names: data.organisations.map((o) => o.name).join('、') })}`}
          </Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.checkins}
            columns={[
              { key: 'point', title: t('deskPatrols.runs.point'), dataIndex: 'pointName' },
              {
                key: 'at',
                title: t('deskPatrols.runs.at'),
                render: (_: unknown, c: PatrolRun['checkins'][number]) => dateTime(c.at),
              },
              {
                key: 'distance',
                title: t('deskPatrols.runs.distance'),
                render: (_: unknown, c: PatrolRun['checkins'][number]) =>
                  c.distanceM === null ? (
                    <Tag>{t('deskPatrols.runs.noPosition')}</Tag>
                  ) : (
                    <Tag color={c.distanceM > FAR_CHECKIN_METRES ? 'error' : 'success'}>
                      {t('deskPatrols.runs.metres', { m: number(Math.round(c.distanceM)) })}
                      {c.distanceM > FAR_CHECKIN_METRES ? ` · ${t('deskPatrols.runs.farFlag')}` : ''}
                    </Tag>
                  ),
              },
              {
                key: 'checklist',
                title: t('deskPatrols.runs.checklist'),
                render: (_: unknown, c: PatrolRun['checkins'][number]) => {
                  const problems = Object.entries(c.checklist).filter(([, answer]) => answer === 'problem');
                  return problems.length > 0 ? (
                    <Tag color="warning">{t('deskPatrols.runs.problems', { n: number(problems.length) })}</Tag>
                  ) : (
                    t('deskPatrols.runs.allOk')
                  );
                },
              },
              {
                key: 'note',
                title: t('deskPatrols.runs.note'),
                render: (_: unknown, c: PatrolRun['checkins'][number]) => c.note ?? '',
              },
            ]}
          />
          <Typography.Title level={5} className="fq-section-title">
            {t('deskPatrols.runs.findingsTitle', { n: number(data.findings.length) })}
          </Typography.Title>
          <ul className="fq-plain-list">
            {data.findings.map((finding) => (
              <li key={finding.id}>
                <Link href={`/cases/${finding.caseId}`}>{finding.caseNumber}</Link> {finding.title} ·{' '}
                <Tag color={finding.level === 'major' ? 'error' : 'warning'}>{t(`deskPatrols.level.${finding.level}`)}</Tag>
                {finding.rectified && <Tag color="success">{t('deskPatrols.stage.rectified')}</Tag>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Drawer>
  );
}
