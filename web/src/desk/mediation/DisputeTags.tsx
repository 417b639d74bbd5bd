import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { DisputeState, Level, RiskLevel } from '../../shared/mediation-types.ts';

const STATE_COLORS: Record<DisputeState, string> = {
  opened: 'orange',
  in_mediation: 'processing',
  agreement: 'success',
  partial_agreement: 'cyan',
  failed: 'error',
  withdrawn: 'default',
  following_up: 'purple',
  closed: 'default',
  reopened: 'magenta',
};
const RISK_COLORS: Record<RiskLevel, string> = { low: 'default', medium: 'warning', high: 'error' };
const LEVEL_COLORS: Record<Level, string> = { grid: 'blue', community: 'geekblue', street: 'volcano' };

export function DisputeStateTag({ state }: { state: DisputeState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`deskMediation.state.${state}`)}</Tag>;
}

export function RiskTag({ risk }: { risk: RiskLevel }) {
  const { t } = useI18n();
  return <Tag color={RISK_COLORS[risk]}>{t(`deskMediation.risk.${risk}`)}</Tag>;
}

export function LevelTag({ level }: { level: Level }) {
  const { t } = useI18n();
  return <Tag color={LEVEL_COLORS[level]}>{t(`deskMediation.level.${level}`)}</Tag>;
}
