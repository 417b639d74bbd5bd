import { useI18n } from '../../shared/i18n.tsx';
import { daysBetween, localToday } from './care-queries.ts';

/** How the next visit stands, in words and colour: overdue in red, due this week in orange. */
export function DueText({ status, date }: { status: string | null; date: string | null }) {
  const { t, date: formatDate } = useI18n();
  if (!status || !date) return null;
  const today = localToday();
  const days = status === 'overdue' ? daysBetween(date, today) : daysBetween(today, date);
  return <span className={`fq-care-due fq-care-due-${status}`}>{t(`care.due.${status}`, { days, date: formatDate(date) })}</span>;
}
