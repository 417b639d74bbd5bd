import { Timeline, Typography } from 'antd';
import type { Topic } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';

type Entry = Topic['timeline'][number];

/** One line of a topic's five-step history in words: what happened, the note it carried, who of the staff did it. */
export function TopicTimeline({ timeline }: { timeline: Topic['timeline'] }) {
  const { t, dateTime, number } = useI18n();
  const words = (e: Entry) => {
    const d = e.data as Record<string, string | number | null>;
    const vars: Record<string, string | number> = {
      action: d.action ? t(`deskDelib.action.${d.action}`) : '',
      score: d.score ?? '',
      text: d.text ?? '',
      number: d.number ?? '',
      result: d.result ? t(`deskDelib.result.${d.result}`) : '',
      amount: typeof d.amountFen === 'number' ? number(d.amountFen / 100) : '',
    };
    // Event types are 'delib.topic_…': the words are filed under the part after the module's prefix.
    return t(`deskDelib.event.${e.type.replace(/^delib\./, '')}`, vars);
  };
  return (
    <Timeline
      items={timeline.map((e, i) => {
        const note = (e.data as { note?: string | null }).note;
        return {
          key: i,
          color: e.type === 'delib.topic_step' || e.type === 'delib.topic_proposed' ? 'red' : 'gray',
          content: (
            <>
              <Typography.Text strong>{words(e)}</Typography.Text>
              {note && e.type === 'delib.topic_step' && <div>{note}</div>}
              <div>
                <Typography.Text type="secondary">
                  {dateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Typography.Text>
              </div>
            </>
          ),
        };
      })}
    />
  );
}
