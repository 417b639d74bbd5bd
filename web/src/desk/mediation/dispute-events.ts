import type { Translate } from '../../shared/i18n.tsx';
import type { Dispute } from '../../shared/mediation-types.ts';

type DisputeEvent = Dispute['timeline'][number];

/**
 * A timeline line in words. Moves between states are events named after the state they reach
 * (dispute.agreement, dispute.closed ...); the others carry their own data.
 */
export function disputeEventText(t: Translate, event: DisputeEvent, dateTime: (iso: string) => string): string {
  const kind = event.type.replace(/^dispute\./, '');
  const data = event.data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const level = (value: unknown) => t(`deskMediation.level.${text(value)}`);
  switch (kind) {
    case 'opened':
      return t('deskMediation.event.opened', { level: level(data.level) });
    case 'escalated':
      return t('deskMediation.event.escalated', { from: level(data.from), to: level(data.to), reason: text(data.reason) });
    case 'updated':
      return t('deskMediation.event.updated', {
        changed: (Array.isArray(data.changed) ? data.changed : [])
          .map((field) => t(`deskMediation.field.${field}`))
          .join(t('deskMediation.separator')),
      });
    case 'session_scheduled':
      return t('deskMediation.event.session_scheduled', { at: dateTime(text(data.scheduledAt)) });
    case 'session_held':
      return t('deskMediation.event.session_held', { attendees: text(data.attendees) });
    case 'agreement_drawn_up':
      return t('deskMediation.event.agreement_drawn_up', { version: text(data.version) });
    case 'instalment_checked':
      return t('deskMediation.event.instalment_checked', {
        seq: text(data.seq),
        result: t(`deskMediation.agreement.instalmentStatus.${text(data.result)}`),
      });
    case 'instalment_due_soon':
    case 'instalment_overdue':
      return t(`deskMediation.event.${kind}`);
    default: {
      const state = t(`deskMediation.state.${kind}`);
      const referral = data.referral ? ` · ${t(`deskMediation.referral.${text(data.referral)}`)}` : '';
      return `${state}${referral}`;
    }
  }
}
