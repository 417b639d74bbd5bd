import { Space, Typography } from 'antd';
import type { Translate } from '../../shared/i18n.tsx';
import type { DisputeSummary } from '../../shared/mediation-types.ts';
import { DisputeStateTag, LevelTag } from './DisputeTags.tsx';

/** The columns every list of dispute files shows: number, title with type and place, level, state, people involved. */
export function disputeColumns<T extends DisputeSummary>(t: Translate, number: (value: number) => string) {
  return {
    number: { key: 'number', title: t('deskMediation.list.number'), dataIndex: 'number', width: 120 },
    dispute: {
      key: 'dispute',
      title: t('deskMediation.list.dispute'),
      render: (_: unknown, row: T) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link>{row.title}</Typography.Link>
          <Typography.Text type="secondary">
            {t(`deskMediation.type.${row.type}`)} · {row.nodeName}
          </Typography.Text>
        </Space>
      ),
    },
    level: { key: 'level', title: t('deskMediation.list.level'), render: (_: unknown, row: T) => <LevelTag level={row.level} /> },
    state: {
      key: 'state',
      title: t('deskMediation.list.state'),
      render: (_: unknown, row: T) => <DisputeStateTag state={row.state} />,
    },
    people: {
      key: 'people',
      title: t('deskMediation.list.people'),
      align: 'right' as const,
      render: (_: unknown, row: T) => number(row.peopleInvolved),
    },
  };
}
