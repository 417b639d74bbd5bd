import type { CaseDeadline } from './deadlines.ts';

/** The columns of a case that hold its current deadline; none means the tier has no deadline policy. */
export interface DeadlineColumns {
  deadline_kind: CaseDeadline['kind'] | null;
  deadline_started_at: Date | null;
  deadline_working_days: number | null;
  due_at: Date | null;
  due_date: string | null;
  due_provisional: boolean;
  warn_at: Date | null;
  warned_at: null;
  overdue_at: null;
}

/** A new deadline starts with no warning and no overdue mark given. */
export function deadlineColumns(deadline: CaseDeadline | undefined): DeadlineColumns {
  return {
    deadline_kind: deadline?.kind ?? null,
    deadline_started_at: deadline?.startedAt ?? null,
    deadline_working_days: deadline?.workingDays ?? null,
    due_at: deadline?.dueAt ?? null,
    due_date: deadline?.dueDate ?? null,
    due_provisional: deadline?.provisional ?? false,
    warn_at: deadline?.warnAt ?? null,
    warned_at: null,
    overdue_at: null,
  };
}
