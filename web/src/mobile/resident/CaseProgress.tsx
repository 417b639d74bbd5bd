import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseState } from '../../shared/types.ts';
import { StateTag } from '../case/CaseTags.tsx';
import { RatingShown } from '../case/RatingForm.tsx';
import './messages.ts';

interface Props {
  title: string;
  state: CaseState;
  number: string;
  category: string;
  place?: string | null | undefined;
  createdAt: string;
  dueDate: string | null;
  overdue?: boolean | undefined;
  resolution: string | null;
  rating: number | null;
  ratingComment?: string | null | undefined;
  mergedInto?: string | null | undefined;
  rejectReason?: string | null | undefined;
}

const OPEN: CaseState[] = ['reported', 'accepted', 'assigned', 'in_progress', 'returned', 'escalated', 'suspended'];

/** What a reporter wants to know first: where the case stands, by when, and how it ended. */
export function CaseProgress(props: Props) {
  const { t, date, dateTime } = useI18n();
  const open = OPEN.includes(props.state);
  const facts: [string, ReactNode][] = [
    [t('caseView.detail.number'), props.number],
    [t('caseView.detail.category'), props.category],
    ...(props.place ? [[t('caseView.detail.place'), props.place] as [string, ReactNode]] : []),
    [t('caseView.detail.reportedAt'), dateTime(props.createdAt)],
    ...(open && props.dueDate
      ? [
          [
            t('caseView.detail.deadline'),
            <span key="due" className={props.overdue ? 'fq-overdue' : undefined}>
              {date(props.dueDate)}
              {props.overdue ? ` · ${t('case.deadline.overdue')}` : ''}
            </span>,
          ] as [string, ReactNode],
        ]
      : []),
  ];
  return (
    <>
      <section className="fq-card fq-case-hero">
        <div className="fq-case-head">
          <h2 className="fq-case-hero-title">{props.title}</h2>
          <StateTag state={props.state} />
        </div>
        <p className="fq-state-words">{t(`resident.stateWords.${props.state}`)}</p>
        <dl className="fq-facts">
          {facts.map(([label, value]) => (
            <div key={label} className="fq-fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {props.mergedInto && <p className="fq-notice">{t('caseView.detail.merged', { number: props.mergedInto })}</p>}
      {props.rejectReason && (
        <section className="fq-card">
          <h2 className="fq-card-title">{t('caseView.detail.rejected')}</h2>
          <p className="fq-body-text">{props.rejectReason}</p>
        </section>
      )}
      {props.resolution && (
        <section className="fq-card">
          <h2 className="fq-card-title">{t('caseView.detail.result')}</h2>
          <p className="fq-body-text">{props.resolution}</p>
          {props.rating !== null && <RatingShown rating={props.rating} comment={props.ratingComment} />}
        </section>
      )}
    </>
  );
}
