import { Result } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../shared/api.ts';
import { errorMessage, useI18n } from '../shared/i18n.tsx';

/** A record page that could not load: "no such record" for a 404 (also outside the reader's scope), else the error. */
export function DetailError({ error, back, notFound }: { error: unknown; back: ReactNode; notFound: string }) {
  const { t } = useI18n();
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="fq-page">
      {back}
      <Result status={missing ? '404' : 'error'} title={missing ? notFound : errorMessage(t, error)} />
    </div>
  );
}
