import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import { CaseList } from '../case/CaseList.tsx';
import { PageHeader } from '../PageHeader.tsx';
import './messages.ts';

/** Everything I reported, newest first. */
export default function MyReportsPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const me = useMe();

  let content: ReactNode;
  if (me.isPending) {
    content = (
      <div className="fq-center">
        <DotLoading color="primary" />
      </div>
    );
  } else if (!me.data) {
    content = (
      <ErrorBlock status="empty" title={t('resident.my.signInFirst')} description={t('resident.my.signInHint')}>
        <Button color="primary" onClick={() => navigate('/login')}>
          {t('common.signIn')}
        </Button>
      </ErrorBlock>
    );
  } else {
    content = (
      <CaseList
        filters={{ mine: 'reported', sort: 'newest' }}
        hrefOf={(item) => `/my/${item.id}`}
        label={t('resident.my.title')}
        empty={
          <ErrorBlock status="empty" title={t('resident.my.empty')} description={t('resident.my.emptyHint')}>
            <Button color="primary" onClick={() => navigate('/report')}>
              {t('home.report')}
            </Button>
          </ErrorBlock>
        }
      />
    );
  }
  return (
    <main className="fq-page">
      <PageHeader title={t('resident.my.title')} onBack={() => navigate('/')} />
      {content}
    </main>
  );
}
