import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tag } from 'antd';
import { useState } from 'react';
import { query } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Grade } from '../../shared/property-score-types.ts';
import { downloadExport } from '../download.ts';

export const GRADE_COLOURS: Record<Grade, string> = { A: '#389e0d', B: '#1677ff', C: '#d48806', D: '#cf1322' };

/** A credit grade as a coloured tag, its meaning in the title. */
export function GradeTag({ grade, long = false }: { grade: Grade | null; long?: boolean }) {
  const { t } = useI18n();
  if (!grade) return <span>—</span>;
  return (
    <Tag color={GRADE_COLOURS[grade]} title={t(`deskScores.grade.${grade}`)} data-testid={`grade-${grade}`}>
      {long ? t(`deskScores.grade.${grade}`) : grade}
    </Tag>
  );
}

/** The change against last month, green up, red down. */
export function Change({ value }: { value: number | null }) {
  const { number } = useI18n();
  if (value === null) return <span>—</span>;
  if (value === 0) return <span>0</span>;
  return value > 0 ? (
    <span className="fq-scores-up">
      <ArrowUpOutlined /> {number(value)}
    </span>
  ) : (
    <span className="fq-scores-down">
      <ArrowDownOutlined /> {number(Math.abs(value))}
    </span>
  );
}

/** Six months of scores as a small line; a month without a score breaks it. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const width = 96;
  const height = 24;
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return <span>—</span>;
  const low = Math.min(...known, 60) - 2;
  const high = Math.max(...known, 90) + 2;
  const x = (i: number) => (values.length === 1 ? width / 2 : (i * (width - 4)) / (values.length - 1) + 2);
  const y = (v: number) => height - 2 - ((v - low) * (height - 4)) / (high - low);
  const points = values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`));
  const last = values.at(-1);
  return (
    <svg className="fq-scores-spark" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline fill="none" stroke="#1677ff" strokeWidth={1.5} points={points.filter(Boolean).join(' ')} />
      {last != null && <circle cx={x(values.length - 1)} cy={y(last)} r={2.5} fill="#1677ff" />}
    </svg>
  );
}

/** Downloads the month's ranking and estate cards as xlsx, in the console's language. */
export function ScoresExportButton({ month }: { month: string | undefined }) {
  const { t, locale, number } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const { rows } = await downloadExport(
        `/api/property-scores/export.xlsx${query({ month, lang: locale })}`,
        'property-scores.xlsx',
      );
      message.success(t('deskScores.exportDone', { rows: number(rows) }));
    } catch (error) {
      message.error(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid="scores-export">
      {t('deskScores.export')}
    </Button>
  );
}
