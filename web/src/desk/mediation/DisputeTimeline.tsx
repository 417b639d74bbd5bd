import { Timeline, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { Dispute } from '../../shared/mediation-types.ts';
import { disputeEventText } from './dispute-events.ts';

/** Red for what went wrong, green for what settled it, blue for the ordinary steps (the console's own colour is red). */
const COLORS: Record<string, string> = {
  'dispute.escalated': '#d46b08',
  'dispute.failed': '#cf1322',
  'dispute.reopened': '#cf1322',
  'dispute.instalment_overdue': '#cf1322',
  'dispute.agreement': '#389e0d',
  'dispute.partial_agreement': '#389e0d',
  'dispute.closed': '#8c8c8c',
};

/** Every change of the file, newest first, with who made it and the note they left. */
export function DisputeTimeline({ dispute }: { dispute: Dispute }) {
  const { t, dateTime } = useI18n();
  return (
    <Timeline
      className="fq-timeline"
      mode="start"
      titleSpan="168px"
      items={[...dispute.timeline].reverse().map((event, index) => ({
        key: `${event.at}-${index}`,
        color: COLORS[event.type] ?? '#1677ff',
        title: <span className="fq-nowrap fq-muted">{dateTime(event.at)}</span>,
        content: (
          <div>
            <Typography.Text>{disputeEventText(t, event, dateTime)}</Typography.Text>
            {event.actorName && <Typography.Text type="secondary"> · {event.actorName}</Typography.Text>}
            {typeof event.data.note === 'string' && <div className="fq-timeline-note">{event.data.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
