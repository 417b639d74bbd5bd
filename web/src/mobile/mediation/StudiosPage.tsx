import { Button, ErrorBlock } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { useStudios } from './mediation-queries.ts';
import { StudioFacts } from './StudioFacts.tsx';

/** Every studio a resident may go to, as on a notice board, each leading to its free times. */
export default function StudiosPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const me = useMe();
  const studios = useStudios();
  return (
    <main className="fq-page fq-med">
      <PageHeader
        title={t('mediation.title')}
        onBack={() => navigate('~/')}
        right={
          me.data ? (
            <button type="button" className="fq-bar-link" onClick={() => navigate('/mine')}>
              {t('mediation.mine')}
            </button>
          ) : undefined
        }
      />
      <p className="fq-med-intro">{t('mediation.intro')}</p>
      <QueryState query={studios}>
        {(items) =>
          items.length === 0 ? (
            <ErrorBlock status="empty" title={t('mediation.empty')} description={t('mediation.emptyHint')}>
              <Button onClick={() => navigate('~/')}>{t('common.back')}</Button>
            </ErrorBlock>
          ) : (
            <ul className="fq-med-studios" aria-label={t('mediation.title')}>
              {items.map((studio) => (
                <li key={studio.id} className="fq-med-card">
                  <h2 className="fq-med-name">{studio.name}</h2>
                  <p className="fq-med-node">{studio.nodeName}</p>
                  <StudioFacts studio={studio} />
                  <Link href={`/${studio.id}`} className="fq-med-more" aria-label={`${t('mediation.seeSlots')}: ${studio.name}`}>
                    <span>{t('mediation.seeSlots')}</span>
                    <RightOutline aria-hidden />
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </main>
  );
}
