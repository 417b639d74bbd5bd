import { Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseState, CaseSummary } from '../../shared/types.ts';

const STATE_COLOURS: Record<CaseState, string> = {
  reported: 'primary',
  accepted: 'primary',
  assigned: 'primary',
  in_progress: 'warning',
  resolved: 'success',
  evaluated: 'success',
  closed: 'default',
  rejected: 'danger',
  duplicate: 'default',
  returned: 'danger',
  escalated: 'warning',
  suspended: 'default',
};

export function StateTag({ state }: { state: CaseState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} fill="outline" className="fq-tag">
      {t(`case.state.${state}`)}
    </Tag>
  );
}

/** A red or orange mark only when the deadline needs attention; otherwise nothing shouts. */
export function DeadlineTag({ deadline }: { deadline: CaseSummary['deadline'] }) {
  const { t } = useI18n();
  if (deadline.status !== 'overdue' && deadline.status !== 'warning') return null;
  return (
    <Tag color={deadline.status === 'overdue' ? 'danger' : 'warning'} className="fq-tag">
      {t(`case.deadline.${deadline.status}`)}
    </Tag>
  );
}
