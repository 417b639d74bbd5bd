import { Timeline, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { WORDED_EVENTS } from '../../shared/timeline-events.ts';
import type { CaseDetail, TimelineEvent } from '../../shared/types.ts';
import { useOrganisations } from './reference-data.ts';

const RED = '#cf1322';
const ORANGE = '#d46b08';
const GREEN = '#389e0d';
const GREY = '#8c8c8c';
/** The console's primary colour is red, so ordinary steps get blue: red is kept for what went wrong. */
const BLUE = '#1677ff';
const COLORS: Record<string, string> = {
  'case.overdue': RED,
  'case.response_overdue': RED,
  'case.urged': RED,
  'case.returned': RED,
  'case.rejected': GREY,
  'case.merged': GREY,
  'case.deadline_warning': ORANGE,
  'case.escalated': ORANGE,
  'case.suspended': ORANGE,
  'case.resolved': GREEN,
  'case.rated': GREEN,
  'case.closed': GREEN,
};

const automatic = (event: TimelineEvent) => Boolean((event.data as { automatic?: boolean }).automatic);

/** Moves nobody made by hand read differently: closing after a rating, a low rating's return, no rating in time. */
function variantOf(kind: string, event: TimelineEvent): string {
  if ((kind === 'closed' || kind === 'returned') && automatic(event)) return `${kind}_automatic`;
  if (kind === 'closed' && !event.actor) return 'closed_unrated';
  return kind;
}

/** Each event in plain words: who did what, with the note they left. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, dateTime } = useI18n();
  const departments = useOrganisations('street_department');
  const companies = useOrganisations('property_company');
  const orgName = (id: unknown) =>
    [...(departments.data ?? []), ...(companies.data ?? [])].find((org) => org.id === id)?.name ??
    t('deskCases.timeline.anOrganisation');

  function sentence(event: TimelineEvent): string {
    const kind = event.type.replace(/^case\./, '');
    const data = event.data as Record<string, string | number | boolean | null | undefined>;
    const actor = event.actor?.name ?? (kind === 'reported' ? t('deskCases.timeline.reporter') : t('deskCases.timeline.system'));
    if (!WORDED_EVENTS.has(kind)) return t('deskCases.timeline.other', { actor, type: event.type });
    const vars: Record<string, string | number> = { actor };
    if (kind === 'assigned') {
      vars.assignee = data.assigneeOrgId ? orgName(data.assigneeOrgId) : t('deskCases.timeline.aWorker');
      if (data.assigneeUserId && data.assigneeUserId === detail.assignee.userId) vars.assignee = detail.assignee.name ?? '';
    }
    if (kind === 'contacted') vars.channel = t(`deskCases.channel.${data.channel}`);
    if (kind === 'rated') vars.rating = Number(data.rating);
    if (kind === 'merged') vars.number = String(data.intoNumber ?? '');
    if (kind === 'duplicate_merged') vars.number = String(data.duplicateNumber ?? '');
    if (kind === 'urged') vars.count = Number(data.urgeCount ?? 1);
    if (kind === 'escalated') {
      vars.from = t(`case.tier.${data.fromTier}`);
      vars.to = data.organisationId ? orgName(data.organisationId) : t(`case.tier.${data.toTier}`);
    }
    return t(`deskCases.timeline.${variantOf(kind, event)}`, vars);
  }

  return (
    <Timeline
      className="fq-timeline"
      mode="start"
      titleSpan="168px"
      items={[...detail.timeline].reverse().map((event) => ({
        key: event.id,
        color: COLORS[event.type] ?? BLUE,
        title: <span className="fq-nowrap fq-muted">{dateTime(event.at)}</span>,
        content: (
          <div>
            <Typography.Text>{sentence(event)}</Typography.Text>
            {event.note && !automatic(event) && <div className="fq-timeline-note">{event.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
