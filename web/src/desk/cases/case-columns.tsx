import { Badge, Tooltip, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Link } from 'wouter';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import type { CaseSummary } from '../../shared/types.ts';
import { DeadlineTag, PriorityTag, StateTag } from './CaseTags.tsx';
import { useCategoryNames } from './reference-data.ts';

export type CaseColumnKey = 'number' | 'title' | 'state' | 'tier' | 'grid' | 'deadline' | 'assignee' | 'created';

/** The case table's columns, shared by the table and the overdue board (which shows fewer). */
export function useCaseColumns(keys: CaseColumnKey[]): ColumnType<CaseSummary>[] {
  const { t, pick, date, locale } = useI18n();
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  const categories = useCategoryNames();
  const all: Record<CaseColumnKey, ColumnType<CaseSummary>> = {
    number: {
      title: t('deskCases.columns.number'),
      width: 120,
      render: (_, item) => (
        <span className="fq-nowrap">
          <Link href={`/cases/${item.id}`}>{item.number}</Link>
          {item.urgeCount > 0 && (
            <Tooltip title={t('deskCases.columns.urged', { count: item.urgeCount })}>
              <Badge count={item.urgeCount} size="small" color="#fa541c" className="fq-urge-badge" />
            </Tooltip>
          )}
        </span>
      ),
    },
    title: {
      title: t('deskCases.columns.title'),
      ellipsis: true,
      render: (_, item) => {
        const category = categories.get(item.categoryCode);
        return (
          <div className="fq-cell-title">
            <span className="fq-cell-line">
              {(item.priority === 'high' || item.priority === 'urgent') && <PriorityTag priority={item.priority} />}
              <Typography.Text ellipsis={{ tooltip: item.title }}>{item.title}</Typography.Text>
            </span>
            <Typography.Text type="secondary" className="fq-cell-sub" ellipsis>
              {category ? pick(category) : item.categoryCode} · {t(`case.source.${item.source}`)}
            </Typography.Text>
          </div>
        );
      },
    },
    state: { title: t('deskCases.columns.state'), width: 136, render: (_, item) => <StateTag state={item.state} /> },
    tier: { title: t('deskCases.columns.tier'), width: 112, ellipsis: true, render: (_, item) => t(`case.tier.${item.tier}`) },
    grid: { title: t('deskCases.columns.grid'), width: 104, ellipsis: true, render: (_, item) => item.gridName ?? '—' },
    deadline: {
      title: t('deskCases.columns.deadline'),
      width: 180,
      render: (_, item) => <DeadlineTag deadline={item.deadline} />,
    },
    assignee: {
      title: t('deskCases.columns.assignee'),
      width: 120,
      ellipsis: true,
      render: (_, item) => item.assignee.name ?? <span className="fq-muted">—</span>,
    },
    created: {
      title: t('deskCases.columns.created'),
      width: 128,
      render: (_, item) => (
        <div className="fq-cell-title">
          <span className="fq-nowrap">{date(item.createdAt)}</span>
          <Typography.Text type="secondary" className="fq-cell-sub">
            {time(item.createdAt)}
          </Typography.Text>
        </div>
      ),
    },
  };
  return keys.map((key) => ({ key, ...all[key] }));
}
