import { Drawer, Table, Tag } from 'antd';
import { Link } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { CardCase, Component, Scorecard } from '../../shared/property-score-types.ts';
import { useCardCases } from './score-data.ts';

export type CaseComponent = Exclude<Component, 'review'>;

/** The cases one figure of a card counted, each with how it counted; a case opens on its own page. */
export function CardCasesDrawer({
  card,
  component,
  onClose,
}: {
  card: Scorecard | null;
  component: CaseComponent;
  onClose: () => void;
}) {
  const { t, date, number } = useI18n();
  const cases = useCardCases(card?.id ?? null, component);
  const result = (row: CardCase) => {
    if (!row.counted) return <Tag>{t('deskScores.case.waiting')}</Tag>;
    if (row.onTime === null) return null;
    return row.onTime ? (
      <Tag color="green">{t('deskScores.case.onTime')}</Tag>
    ) : (
      <Tag color="red">{t('deskScores.case.late')}</Tag>
    );
  };
  return (
    <Drawer
      open={card !== null}
      onClose={onClose}
      width={720}
      title={
        card &&
        t('deskScores.casesTitle', {
          estate: card.estateName,
          component: t(`deskScores.component.${component}`),
          month: card.month,
        })
      }
    >
      <Table<CardCase>
        rowKey="id"
        size="small"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskScores.case.none') }}
        columns={[
          {
            key: 'number',
            title: t('deskScores.case.number'),
            render: (_, row) => <Link href={`/cases/${row.id}`}>{row.number}</Link>,
          },
          { key: 'title', title: t('deskScores.case.title'), dataIndex: 'title' },
          { key: 'state', title: t('deskScores.case.state'), render: (_, row) => t(`case.state.${row.state}`) },
          ...(component === 'rectification'
            ? [{ key: 'due', title: t('deskScores.case.due'), render: (_: unknown, row: CardCase) => date(row.dueDate) }]
            : []),
          ...(component === 'ratings'
            ? [
                {
                  key: 'rating',
                  title: t('deskScores.case.rating'),
                  render: (_: unknown, row: CardCase) => number(row.rating ?? 0),
                },
              ]
            : [{ key: 'result', title: t('deskScores.case.result'), render: (_: unknown, row: CardCase) => result(row) }]),
        ]}
      />
    </Drawer>
  );
}
