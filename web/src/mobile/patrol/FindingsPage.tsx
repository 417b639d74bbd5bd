import { Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { PatrolFinding } from '../../shared/patrol-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { useMyFindings } from './patrol-queries.ts';
import { SyncStatus } from './SyncStatus.tsx';

/** What became of each hazard I found: its case's state, and whether it was put right. */
export default function FindingsPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const findings = useMyFindings();
  return (
    <main className="fq-page fq-patrol">
      <PageHeader title={t('patrol.findings.title')} onBack={() => navigate('/')} />
      <SyncStatus />
      <QueryState query={findings}>
        {(items) =>
          items.length === 0 ? (
            <p className="fq-card fq-hint">{t('patrol.findings.none')}</p>
          ) : (
            <ul className="fq-findings">
              {items.map((finding) => (
                <FindingRow key={finding.id} finding={finding} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </main>
  );
}

/** A resolved hazard waits for someone to look again: the reporter may, from here. */
function FindingRow({ finding }: { finding: PatrolFinding }) {
  const { t, date } = useI18n();
  const fate = finding.rectified ? 'rectified' : finding.caseState === 'resolved' ? 'reinspect' : 'open';
  const content = (
    <>
      <span className="fq-finding-text">
        <span className="fq-link-title">{finding.title}</span>
        <span className="fq-hint-inline">
          {finding.caseNumber} · {finding.categoryName} · {date(finding.createdAt)}
        </span>
        <span className="fq-finding-tags">
          <Tag color={finding.level === 'major' ? 'danger' : 'warning'} fill="outline">
            {t(`patrol.level.${finding.level}`)}
          </Tag>
          <Tag color={finding.rectified ? 'success' : 'primary'}>
            {finding.rectified
              ? t('patrol.findings.rectified', { date: date(finding.rectifiedAt) })
              : t(`case.state.${finding.caseState}`)}
          </Tag>
        </span>
        {fate === 'reinspect' && <span className="fq-finding-next">{t('patrol.findings.tapToReinspect')}</span>}
      </span>
      {fate === 'reinspect' && <RightOutline aria-hidden />}
    </>
  );
  return (
    <li className="fq-finding-row">
      {fate === 'reinspect' ? (
        <Link
          href={`/hazards/${finding.caseId}`}
          className="fq-link-row"
          aria-label={t('patrol.findings.reinspect', { title: finding.title })}
        >
          {content}
        </Link>
      ) : (
        <div className="fq-link-row">{content}</div>
      )}
    </li>
  );
}
