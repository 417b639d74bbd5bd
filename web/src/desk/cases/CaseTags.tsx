import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseState, CaseSummary } from '../../shared/types.ts';
import { PRIORITY_COLORS, type Priority, STATE_COLORS } from './types.ts';

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} variant="outlined">
      {t(`case.state.${state}`)}
    </Tag>
  );
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useI18n();
  if (priority === 'normal') return <span>{t('case.priority.normal')}</span>;
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`case.priority.${priority}`)}</Tag>;
}

const DEADLINE_COLORS = { overdue: 'error', warning: 'warning' } as const;

/** The due date, with a red badge once overdue and an orange one as it nears (on time needs no badge); a provisional date says why. */
export function DeadlineTag({ deadline, labelled = false }: { deadline: CaseSummary['deadline']; labelled?: boolean }) {
  const { t, date } = useI18n();
  if (!deadline.dueDate) return <span className="fq-muted">{t('case.deadline.none')}</span>;
  const due = (
    <span className="fq-nowrap">
      {labelled ? t('case.deadline.due', { date: date(deadline.dueDate) }) : date(deadline.dueDate)}
      {deadline.provisional && '*'}
    </span>
  );
  const badge =
    deadline.status === 'overdue' || deadline.status === 'warning' ? (
      <Tag color={DEADLINE_COLORS[deadline.status]} className="fq-deadline-tag">
        {t(`case.deadline.${deadline.status}`)}
      </Tag>
    ) : null;
  return (
    <Tooltip title={deadline.provisional ? t('case.deadline.provisional') : undefined}>
      <span className="fq-deadline">
        {badge}
        {due}
      </span>
    </Tooltip>
  );
}
