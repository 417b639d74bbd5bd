import { RightOutline } from 'antd-mobile-icons';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import type { CaseSummary } from '../../shared/types.ts';
import { DeadlineTag, StateTag } from './CaseTags.tsx';
import { useCategoryName } from './categories.ts';
import './case.css';
import './messages.ts';

/** One case in a list: what, where, its state and, when it matters, its deadline. */
export function CaseCard({ item, href }: { item: CaseSummary; href: string }) {
  const { t, locale } = useI18n();
  const categoryName = useCategoryName();
  // A list row has room for "Nov 24", not for the year: deadlines are days or weeks away.
  const dayMonth = useMemo(
    () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: TIME_ZONE }),
    [locale],
  );
  const open = !['resolved', 'evaluated', 'closed', 'rejected', 'duplicate'].includes(item.state);
  return (
    <Link href={href} className={`fq-case-card fq-deadline-${open ? item.deadline.status : 'none'}`}>
      <div className="fq-case-head">
        <span className="fq-case-title">{item.title}</span>
        <StateTag state={item.state} />
      </div>
      <div className="fq-case-meta">
        {[categoryName(item.categoryCode), item.address ?? item.gridName].filter(Boolean).join(' · ')}
      </div>
      <div className="fq-case-foot">
        <span>{item.number}</span>
        <span className="fq-case-due">
          {open && <DeadlineTag deadline={item.deadline} />}
          {open &&
            item.deadline.dueDate &&
            // A local calendar date: read at noon UTC so no time zone moves it to another day.
            t('caseView.dueShort', { date: dayMonth.format(new Date(`${item.deadline.dueDate}T12:00:00Z`)) })}
          {!open && item.rating !== null && t('caseView.ratedShort', { n: item.rating })}
          <RightOutline aria-hidden />
        </span>
      </div>
    </Link>
  );
}
