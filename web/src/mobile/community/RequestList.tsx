import { ErrorBlock, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { ServiceRequestSummary } from '../../shared/volunteer-types.ts';

/** Service requests as cards: what was asked, its state and deadline, each leading to its page. */
export function RequestList({ items, empty }: { items: ServiceRequestSummary[]; empty: string }) {
  const { t, date, pick } = useI18n();
  if (items.length === 0) return <ErrorBlock status="empty" title={empty} description="" />;
  return (
    <ul className="fq-cs-list">
      {items.map((r) => (
        <li key={r.id} className="fq-card">
          <Link href={`~/services/requests/${r.id}`} className="fq-cs-link">
            <span className="fq-cs-row">
              <span className="fq-cs-name">{pick({ nameZh: r.itemNameZh, nameEn: r.itemNameEn })}</span>
              <Tag color={r.deadline === 'overdue' ? 'danger' : 'primary'} fill="outline">
                {t(`community.requestState.${r.state}`)}
              </Tag>
            </span>
            <span className="fq-cs-meta">
              {r.number} · {t('community.request.due', { date: date(r.dueDate) })}
            </span>
            <span className="fq-cs-text">{r.description}</span>
            <RightOutline aria-hidden className="fq-entry-arrow" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
