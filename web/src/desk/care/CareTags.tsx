import { Tag } from 'antd';
import type { CareGroup, CareRisk, DueStatus } from '../../shared/care-types.ts';
import { useI18n } from '../../shared/i18n.tsx';

const RISK_COLORS: Record<CareRisk, string> = { low: 'default', medium: 'warning', high: 'error' };
const DUE_COLORS: Record<DueStatus, string> = { overdue: 'error', due_today: 'orange', due_soon: 'gold', upcoming: 'default' };

export function CareRiskTag({ risk }: { risk: CareRisk }) {
  const { t } = useI18n();
  return <Tag color={RISK_COLORS[risk]}>{t(`deskCare.risk.${risk}`)}</Tag>;
}

export function GroupTags({ groups }: { groups: readonly CareGroup[] }) {
  const { t } = useI18n();
  return (
    <>
      {groups.map((g) => (
        <Tag key={g} color="blue">
          {t(`deskCare.group.${g}`)}
        </Tag>
      ))}
    </>
  );
}

/** The next visit's date, coloured by how it stands today. */
export function DueTag({ status, date }: { status: DueStatus | null; date: string | null }) {
  const { t, date: formatDate } = useI18n();
  if (!status || !date) return <>—</>;
  return (
    <Tag color={DUE_COLORS[status]} title={t(`deskCare.due.${status}`)}>
      {formatDate(date)} · {t(`deskCare.due.${status}`)}
    </Tag>
  );
}
