import type { Translate } from '../../shared/i18n.tsx';
import { WORDED_EVENTS } from '../../shared/timeline-events.ts';

/** One timeline entry as the detail (staff, signed-in reporter) or the public view gives it. */
export interface TimelineEntry {
  type: string;
  at: string;
  note: string | null;
  actor?: { name: string } | null;
  data?: Record<string, unknown>;
}

/** Events a reporter need not read about: the office's own deadline bookkeeping. */
const INTERNAL = new Set(['deadline_warning', 'overdue', 'response_overdue', 'deadline_recounted']);

export const isInternalEvent = (entry: TimelineEntry) => INTERNAL.has(entry.type.replace(/^case\./, ''));

/** An event in plain words: what happened, and the note worth showing with it. */
export function describeEvent(t: Translate, entry: TimelineEntry): { title: string; note: string | null } {
  const kind = entry.type.replace(/^case\./, '');
  const data = entry.data ?? {};
  // Notes the system wrote itself (an automatic return after a low rating) are in the title already.
  const note = data.automatic ? null : entry.note;
  if (kind === 'escalated' && typeof data.toTier === 'string') {
    return { title: t('caseView.event.escalatedTo', { tier: t(`case.tier.${data.toTier}`) }), note };
  }
  if (kind === 'rated' && typeof data.rating === 'number') {
    return { title: t('caseView.event.ratedStars', { n: data.rating }), note };
  }
  if (kind === 'contacted' && typeof data.channel === 'string') {
    return { title: t(`caseView.event.contactedBy.${data.channel}`), note };
  }
  if (kind === 'merged' && typeof data.intoNumber === 'string') {
    return { title: t('caseView.event.mergedInto', { number: data.intoNumber }), note };
  }
  if (kind === 'returned' && data.automatic) return { title: t('caseView.event.returnedAfterRating'), note: null };
  return { title: t(WORDED_EVENTS.has(kind) ? `caseView.event.${kind}` : 'caseView.event.other'), note };
}
