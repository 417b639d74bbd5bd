import { Select } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { lastMonth } from './score-data.ts';

/** The thirteen months up to this one, newest first: scores are kept by month; `future` offers the next twelve instead (weights apply ahead). */
export function MonthSelect({
  value,
  onChange,
  future = false,
}: {
  value: string | undefined;
  onChange: (month: string) => void;
  future?: boolean;
}) {
  const { t, locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const [year, month] = lastMonth().split('-').map(Number) as [number, number];
  const months = Array.from({ length: 13 }, (_, i) => {
    const date = new Date(Date.UTC(year, future ? month + i : month - i, 1));
    return date.toISOString().slice(0, 7);
  });
  return (
    <Select
      aria-label={t('deskScores.month')}
      style={{ width: 160 }}
      value={value}
      onChange={onChange}
      options={months.map((m) => ({ value: m, label: format.format(new Date(`${m}-01T00:00:00Z`)) }))}
      data-testid="scores-month"
    />
  );
}
