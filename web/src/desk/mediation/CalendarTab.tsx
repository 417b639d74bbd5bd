import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import type { CalendarEntry } from '../../shared/mediation-types.ts';
import { useCalendar } from './mediation-data.ts';
import { shiftDate, weekOf } from './studio-hours.ts';

const localDate = (at: string | number) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(at));
const localTime = (at: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(at));

/** The staff's week: sessions of dispute files and residents' consultation bookings, day by day. */
export function CalendarTab() {
  const { t, date } = useI18n();
  const [anchor, setAnchor] = useState(() => localDate(Date.now()));
  const days = weekOf(anchor);
  const first = days[0] as string;
  const last = days[6] as string;
  const calendar = useCalendar(first, last);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of calendar.data ?? []) {
    const day = localDate(entry.at);
    byDay.set(day, [...(byDay.get(day) ?? []), entry]);
  }
  return (
    <Space orientation="vertical" size={16} className="fq-full">
      <Space>
        <Button onClick={() => setAnchor(shiftDate(anchor, -7))}>{t('deskMediation.calendar.previous')}</Button>
        <Button onClick={() => setAnchor(localDate(Date.now()))}>{t('deskMediation.calendar.today')}</Button>
        <Button onClick={() => setAnchor(shiftDate(anchor, 7))}>{t('deskMediation.calendar.next')}</Button>
        <Typography.Text strong>{t('deskMediation.calendar.week', { date: date(first) })}</Typography.Text>
      </Space>
      <Row gutter={[8, 8]} wrap={false} className="fq-calendar">
        {days.map((day) => (
          <Col flex="1 1 0" key={day}>
            <Card size="small" title={date(day)} className="fq-calendar-day" loading={calendar.isLoading}>
              {(byDay.get(day) ?? []).map((entry) => (
                <CalendarItem key={`${entry.kind}-${entry.id}`} entry={entry} />
              ))}
              {!byDay.get(day) && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskMediation.calendar.none')} />}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

function CalendarItem({ entry }: { entry: CalendarEntry }) {
  const { t } = useI18n();
  const body = (
    <>
      <Typography.Text strong>{localTime(entry.at)}</Typography.Text>{' '}
      <Tag color={entry.kind === 'session' ? 'blue' : 'orange'}>{t(`deskMediation.calendar.${entry.kind}`)}</Tag>
      <div>{entry.title}</div>
      <Typography.Text type="secondary">
        {[entry.disputeNumber, entry.studioName, entry.who].filter(Boolean).join(' · ')}
      </Typography.Text>
    </>
  );
  const className = `fq-calendar-entry${entry.kind === 'booking' ? ' is-booking' : ''}`;
  return entry.disputeId ? (
    <Link href={`/disputes/${entry.disputeId}`} className={className}>
      {body}
    </Link>
  ) : (
    <div className={className}>{body}</div>
  );
}
