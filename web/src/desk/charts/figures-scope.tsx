import { Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { TIME_ZONE, useI18n } from '../../shared/i18n.tsx';
import { useMe } from '../../shared/session.ts';
import { AreaTreeSelect } from '../cases/AreaTreeSelect.tsx';

const localDate = (time: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(time));

export interface FiguresScope {
  nodeId: string | undefined;
  from: string;
  to: string;
}

/** Where and when a figures page counts: the reader's own area and this year so far, until they choose. */
export function useFiguresScope() {
  const { data: me } = useMe();
  const home = me?.roles.find((role) => role.nodeId)?.nodeId ?? undefined;
  const [nodeId, setNodeId] = useState<string | undefined>(undefined);
  useEffect(() => setNodeId((current) => current ?? home), [home]);
  const [from, setFrom] = useState(() => `${localDate(Date.now()).slice(0, 4)}-01-01`);
  const [to, setTo] = useState(() => localDate(Date.now()));
  return {
    scope: { nodeId, from, to } satisfies FiguresScope,
    setNodeId: (next: string | undefined) => setNodeId(next ?? home),
    setFrom,
    setTo,
  };
}

/** The area and the period of a figures page. */
export function FiguresScopeBar({ state }: { state: ReturnType<typeof useFiguresScope> }) {
  const { t } = useI18n();
  const { scope } = state;
  return (
    <Space wrap>
      <AreaTreeSelect
        value={scope.nodeId}
        onChange={state.setNodeId}
        prefix={t('desk.figures.area')}
        aria-label={t('desk.figures.area')}
        style={{ width: 280 }}
      />
      <Input
        type="date"
        aria-label={t('desk.figures.from')}
        value={scope.from}
        onChange={(e) => state.setFrom(e.target.value)}
        style={{ width: 150 }}
      />
      <Input
        type="date"
        aria-label={t('desk.figures.to')}
        value={scope.to}
        onChange={(e) => state.setTo(e.target.value)}
        style={{ width: 150 }}
      />
    </Space>
  );
}
