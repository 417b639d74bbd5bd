import { Button, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import { Loading } from '../QueryState.tsx';

/** The page for a signed-in person; a guest is offered to sign in and be brought back here. */
export function SignInFirst({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data) return <>{children}</>;
  const here = `${window.location.pathname}${window.location.search}`;
  return (
    <ErrorBlock status="empty" title={t('community.signInFirst')} description="">
      <Button color="primary" onClick={() => navigate(`~/login?next=${encodeURIComponent(here)}`)}>
        {t('common.signIn')}
      </Button>
    </ErrorBlock>
  );
}
