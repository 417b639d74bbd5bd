import { LeftOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useI18n } from '../shared/i18n.tsx';

/** The bar atop every inner page: a real back button (keyboard and screen reader) and the page's heading. */
export function PageHeader({ title, onBack, right }: { title: string; onBack?: () => void; right?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="fq-bar">
      {onBack ? (
        <button type="button" className="fq-bar-back" aria-label={t('common.back')} onClick={onBack}>
          <LeftOutline aria-hidden fontSize={20} />
        </button>
      ) : (
        <span className="fq-bar-side" />
      )}
      <h1 className="fq-bar-title">{title}</h1>
      <span className="fq-bar-side fq-bar-right">{right}</span>
    </header>
  );
}
