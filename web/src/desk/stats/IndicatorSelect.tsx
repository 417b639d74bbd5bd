import { Select } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import type { IndicatorInfo } from './stats-types.ts';

/** One indicator of the registry, by its name in the reader's language. */
export function IndicatorSelect({
  registry,
  value,
  onChange,
  'aria-label': label,
}: {
  registry: IndicatorInfo[];
  value: string;
  onChange: (code: string) => void;
  'aria-label': string;
}) {
  const { locale } = useI18n();
  return (
    <Select
      size="small"
      aria-label={label}
      value={value}
      onChange={onChange}
      style={{ width: 200 }}
      options={registry.map((i) => ({ value: i.code, label: locale === 'en' ? i.name.en : i.name.zh }))}
    />
  );
}
