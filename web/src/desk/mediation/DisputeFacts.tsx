import { Descriptions, Table, Tag, Typography } from 'antd';
import { Link } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { Dispute } from '../../shared/mediation-types.ts';

/** Everything the file says: where it arose and is handled, who mediates, what is at stake, the risk and the outcome. */
export function DisputeFacts({ dispute }: { dispute: Dispute }) {
  const { t, dateTime, number } = useI18n();
  const label = (key: string) => t(`deskMediation.detail.${key}`);
  const items = [
    { key: 'type', label: t('deskMediation.form.type'), children: t(`deskMediation.type.${dispute.type}`) },
    {
      key: 'source',
      label: t('deskMediation.form.source'),
      children: dispute.caseId ? (
        <Link href={`/cases/${dispute.caseId}`}>{t('deskMediation.source.case')}</Link>
      ) : (
        `${t(`deskMediation.source.${dispute.source}`)}${dispute.referredBy ? ` · ${dispute.referredBy}` : ''}`
      ),
    },
    { key: 'where', label: label('where'), children: dispute.nodeName },
    {
      key: 'handling',
      label: label('handling'),
      children: `${dispute.handlingNodeName} · ${t(`deskMediation.level.${dispute.level}`)}`,
    },
    { key: 'mediator', label: label('mediator'), children: dispute.mediatorName ?? '—' },
    { key: 'studio', label: label('studio'), children: dispute.studioName ?? '—' },
    { key: 'people', label: t('deskMediation.form.people'), children: number(dispute.peopleInvolved) },
    { key: 'amount', label: t('deskMediation.form.amount'), children: number(dispute.amount) },
    {
      key: 'risk',
      label: label('riskReasons'),
      children: dispute.riskReasons.length
        ? dispute.riskReasons.map((reason) => <Tag key={reason}>{t(`deskMediation.riskReason.${reason}`)}</Tag>)
        : '—',
    },
    {
      key: 'opened',
      label: label('opened'),
      children: `${dateTime(dispute.openedAt)} · ${t('deskMediation.list.days', { days: dispute.daysOpen })}`,
    },
    ...(dispute.outcome
      ? [
          {
            key: 'outcome',
            label: label('outcome'),
            children: `${t(`deskMediation.outcome.${dispute.outcome}`)}${dispute.referral ? ` · ${t(`deskMediation.referral.${dispute.referral}`)}` : ''}`,
          },
        ]
      : []),
  ];
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered items={items} />
      <Typography.Paragraph className="fq-dispute-facts">{dispute.facts}</Typography.Paragraph>
    </>
  );
}

/** The parties with their contacts, masked unless the reader's role needs them. */
export function DisputeParties({ dispute }: { dispute: Dispute }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={dispute.parties}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { key: 'side', title: t('deskMediation.form.parties'), render: (_, p) => t(`deskMediation.side.${p.side}`), width: 110 },
        { key: 'name', title: t('deskMediation.form.partyName'), render: (_, p) => p.name },
        { key: 'kind', title: '', render: (_, p) => t(`deskMediation.partyKind.${p.kind}`), width: 80 },
        { key: 'phone', title: t('deskMediation.form.partyPhone'), render: (_, p) => p.phone ?? '—' },
        { key: 'id', title: t('deskMediation.form.partyId'), render: (_, p) => p.idNumber ?? '—' },
      ]}
    />
  );
}
