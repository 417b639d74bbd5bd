import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, query } from '../../shared/api.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useDeskMutation } from '../use-desk-mutation.ts';
import { useStreets } from './admin-queries.ts';
import type { CalendarDay, CalendarStatus, YearSchedule } from './admin-types.ts';
import { isWeekend, monthWeeks } from './calendar-grid.ts';
import { DayDialog } from './DayDialog.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Calendar: a year of holidays and make-up workdays at a glance; a click on a day changes it; publishing makes the year final. */
export function CalendarTab() {
  const { t, locale } = useI18n();
  const status = useQuery({ queryKey: ['calendar', 'status'], queryFn: () => api<CalendarStatus>('/api/calendar/status') });
  const today = status.data?.today;
  const [year, setYear] = useState<number>();
  const shown = year ?? Number((today ?? new Date().toISOString()).slice(0, 4));
  const [streetId, setStreetId] = useState<string>();
  const [day, setDay] = useState<string | null>(null);
  const streets = useStreets();
  const schedule = useQuery({
    queryKey: ['calendar', shown, streetId],
    queryFn: () => api<YearSchedule>(`/api/calendar/years/${shown}${query({ streetId })}`),
  });
  const byDate = useMemo(() => new Map((schedule.data?.days ?? []).map((d) => [d.date, d])), [schedule.data]);
  const publish = useDeskMutation(() => api(`/api/calendar/years/${shown}/publish`, { body: streetId ? { streetId } : {} }), {
    invalidate: [['calendar']],
    success: t('admin.calendar.published'),
  });

  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: the header row starts there.
  const weekdays = Array.from({ length: 7 }, (_, i) => ({
    key: `weekday-${i}`,
    label: weekday.format(new Date(Date.UTC(2024, 0, 1 + i))),
  }));
  const cellClass = (date: string, entry: CalendarDay | undefined) =>
    [
      'fq-cal-day',
      entry?.kind === 'holiday'
        ? 'fq-cal-holiday'
        : entry?.kind === 'workday'
          ? 'fq-cal-workday'
          : isWeekend(date)
            ? 'fq-cal-weekend'
            : '',
      date === today ? 'fq-cal-today' : '',
    ].join(' ');

  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<LeftOutlined />}
            aria-label={t('admin.calendar.previous')}
            onClick={() => setYear(shown - 1)}
          />
          <Typography.Text strong className="fq-cal-year">
            {t('admin.calendar.year', { year: shown })}
          </Typography.Text>
          <Button type="text" icon={<RightOutlined />} aria-label={t('admin.calendar.next')} onClick={() => setYear(shown + 1)} />
          {schedule.data &&
            (schedule.data.published ? (
              <Tag color="success">{t('admin.calendar.isPublished')}</Tag>
            ) : (
              <Tag color="warning">{t('admin.calendar.notPublished')}</Tag>
            ))}
        </Space>
      }
      extra={
        <Space>
          <Select
            allowClear
            className="fq-admin-select"
            placeholder={t('admin.deadlines.national')}
            value={streetId}
            onChange={setStreetId}
            options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Popconfirm
            title={t('admin.calendar.publishConfirm', { year: shown })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => publish.mutate(undefined)}
          >
            <Button type="primary" loading={publish.isPending}>
              {t('admin.calendar.publish')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {status.data?.reminder && (
        <Alert
          className="fq-admin-gap-bottom"
          type="warning"
          showIcon
          message={t('admin.calendar.reminder', { year: status.data.reminder.year })}
        />
      )}
      <div className="fq-cal-legend">
        <span className="fq-cal-key fq-cal-holiday">{t('admin.calendar.holiday')}</span>
        <span className="fq-cal-key fq-cal-workday">{t('admin.calendar.workday')}</span>
        <span className="fq-cal-key fq-cal-weekend">{t('admin.calendar.weekend')}</span>
        <span className="fq-cal-key fq-cal-today">{t('admin.calendar.today')}</span>
        <Typography.Text type="secondary">{t('admin.calendar.clickHint')}</Typography.Text>
      </div>
      {schedule.isLoading ? (
        <Spin />
      ) : (
        <div className="fq-cal-year-grid">
          {MONTHS.map((month) => (
            <section key={month} className="fq-cal-month" aria-label={monthName.format(new Date(Date.UTC(shown, month - 1, 1)))}>
              <h4>{monthName.format(new Date(Date.UTC(shown, month - 1, 1)))}</h4>
              <div className="fq-cal-grid">
                {weekdays.map((w) => (
                  <span key={w.key} className="fq-cal-weekday">
                    {w.label}
                  </span>
                ))}
                {monthWeeks(shown, month)
                  .flat()
                  .map(({ key, date }) =>
                    date ? (
                      <button
                        type="button"
                        key={key}
                        className={cellClass(date, byDate.get(date))}
                        title={byDate.get(date)?.name}
                        aria-label={`${date} ${byDate.get(date)?.name ?? ''}`}
                        onClick={() => setDay(date)}
                      >
                        {Number(date.slice(8))}
                      </button>
                    ) : (
                      <span key={key} />
                    ),
                  )}
              </div>
            </section>
          ))}
        </div>
      )}
      <DayDialog date={day} entry={day ? byDate.get(day) : undefined} streetId={streetId} onClose={() => setDay(null)} />
    </Card>
  );
}
