import { useI18n } from '../../shared/i18n.tsx';
import './case.css';
import './messages.ts';
import { describeEvent, isInternalEvent, type TimelineEntry } from './timeline-words.ts';

interface Props {
  entries: TimelineEntry[];
  /** Staff see who did what and the deadline marks; a reporter sees what happened to their report. */
  audience: 'reporter' | 'staff';
}

/** The case's history, newest first, each step in plain words with its time and note. */
export function Timeline({ entries, audience }: Props) {
  const { t, dateTime } = useI18n();
  const shown = entries.filter((entry) => audience === 'staff' || !isInternalEvent(entry)).reverse();
  return (
    <ol className="fq-timeline" aria-label={t('caseView.timeline')}>
      {shown.map((entry, index) => {
        const { title, note } = describeEvent(t, entry);
        const alert = /overdue|warning/.test(entry.type);
        return (
          <li
            key={`${entry.at}-${entry.type}`}
            className={`fq-step${index === 0 ? ' fq-step-latest' : ''}${alert ? ' fq-step-alert' : ''}`}
          >
            <span className="fq-step-title">{title}</span>
            <time className="fq-step-time" dateTime={entry.at}>
              {dateTime(entry.at)}
              {audience === 'staff' && entry.actor ? ` · ${entry.actor.name}` : ''}
            </time>
            {note && <p className="fq-step-note">{note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
