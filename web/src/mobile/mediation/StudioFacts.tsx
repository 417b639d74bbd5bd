import { ClockCircleOutline, LocationOutline, TeamOutline } from 'antd-mobile-icons';
import { Fragment } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { Studio } from '../../shared/mediation-types.ts';
import { scheduleLines } from './schedule-words.ts';

/** What a studio's notice board says: where, when, and who sits there. */
export function StudioFacts({ studio }: { studio: Studio }) {
  const { t, locale } = useI18n();
  const hours = scheduleLines(studio.schedule, studio.mediators, t, locale);
  return (
    <dl className="fq-med-facts">
      <div>
        <dt>
          <LocationOutline aria-hidden />
          <span className="fq-visually-hidden">{t('mediation.address')}</span>
        </dt>
        <dd>{studio.address}</dd>
      </div>
      <div>
        <dt>
          <ClockCircleOutline aria-hidden />
          <span className="fq-visually-hidden">{t('mediation.hoursLabel')}</span>
        </dt>
        <dd>
          {hours.length === 0 ? (
            t('mediation.noHours')
          ) : (
            <ul className="fq-med-hours">
              {hours.map((line) => (
                <li key={line.days}>
                  <span className="fq-med-hours-days">{line.days}</span>
                  <span className="fq-med-hours-periods">
                    {line.periods.map((period, i) => (
                      <Fragment key={period}>
                        {i > 0 && t('mediation.hours.separator')}
                        <span className="fq-med-hours-period">{period}</span>
                      </Fragment>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {studio.mediators.length > 0 && (
        <div>
          <dt>
            <TeamOutline aria-hidden />
            <span className="fq-visually-hidden">{t('mediation.mediatorsLabel')}</span>
          </dt>
          <dd>
            <ul className="fq-med-mediators">
              {studio.mediators.map((mediator) => (
                <li key={mediator.id}>
                  <span className="fq-med-mediator-name">{mediator.name}</span>
                  <span className={`fq-med-kind fq-med-kind-${mediator.kind}`}>{t(`mediation.kind.${mediator.kind}`)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
