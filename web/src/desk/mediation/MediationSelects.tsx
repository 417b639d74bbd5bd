import { Select } from 'antd';
import { useI18n } from '../../shared/i18n.tsx';
import { useMediators, useStudios } from './mediation-data.ts';

interface Props<T> {
  value?: T;
  onChange?: (value: T) => void;
  id?: string;
}

/** A mediator of the reader's area or the levels above, by name and kind. */
export function MediatorSelect(props: Props<string | null>) {
  const { t } = useI18n();
  const mediators = useMediators();
  return (
    <Select
      {...props}
      allowClear
      style={{ width: 260 }}
      loading={mediators.isLoading}
      options={(mediators.data ?? []).map((m) => ({
        value: m.id,
        label: `${m.name} · ${t(`deskMediation.mediatorKind.${m.kind}`)}`,
      }))}
    />
  );
}

/** Several mediators at once, for a session or a studio. */
export function MediatorsSelect(props: Props<string[]>) {
  const { t } = useI18n();
  const mediators = useMediators();
  return (
    <Select
      {...props}
      mode="multiple"
      loading={mediators.isLoading}
      options={(mediators.data ?? []).map((m) => ({
        value: m.id,
        label: `${m.name} · ${t(`deskMediation.mediatorKind.${m.kind}`)}`,
      }))}
    />
  );
}

/** A studio of the street. */
export function StudioSelect(props: Props<string | null>) {
  const studios = useStudios();
  return (
    <Select
      {...props}
      allowClear
      style={{ width: 260 }}
      loading={studios.isLoading}
      options={(studios.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${s.nodeName}` }))}
    />
  );
}
