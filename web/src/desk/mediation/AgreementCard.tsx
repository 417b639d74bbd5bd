import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import {
  type Agreement,
  CHECKABLE_STATES,
  type Dispute,
  DRAFTABLE_STATES,
  type Instalment,
} from '../../shared/mediation-types.ts';
import { AgreementDialog } from './AgreementDialog.tsx';
import { InstalmentCheckDialog } from './InstalmentCheckDialog.tsx';
import { useAgreement } from './mediation-data.ts';

const STATUS_COLORS: Record<Instalment['status'], string> = {
  pending: 'default',
  paid: 'success',
  partly: 'warning',
  not_paid: 'error',
};

/** The agreement in any of its versions, its PDF in both languages, and the follow-up of its instalments. */
export function AgreementCard({ dispute }: { dispute: Dispute }) {
  const { t } = useI18n();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const latest = useAgreement(dispute.id);
  const shown = useAgreement(dispute.id, version);
  const [drafting, setDrafting] = useState(false);
  const [checking, setChecking] = useState<Instalment | null>(null);
  const agreement = version ? shown.data : latest.data;
  const latestVersion = latest.data?.version ?? 0;
  const draftable = dispute.canManage && DRAFTABLE_STATES.includes(dispute.state);
  const checkable = dispute.canManage && CHECKABLE_STATES.includes(dispute.state) && agreement?.version === latestVersion;

  return (
    <Card
      title={t('deskMediation.detail.agreement')}
      variant="borderless"
      loading={latest.isLoading}
      extra={
        <Space wrap>
          {latestVersion > 1 && (
            <Select
              aria-label={t('deskMediation.agreement.version', { version: '' })}
              value={agreement?.version}
              onChange={(next) => setVersion(next === latestVersion ? undefined : next)}
              options={Array.from({ length: latestVersion }, (_, i) => ({
                value: i + 1,
                label: t('deskMediation.agreement.version', { version: i + 1 }),
              }))}
            />
          )}
          {agreement && <PdfLinks dispute={dispute} agreement={agreement} />}
          {draftable && (
            <Button type={agreement ? 'default' : 'primary'} onClick={() => setDrafting(true)}>
              {agreement ? t('deskMediation.agreement.redraft') : t('deskMediation.agreement.draft')}
            </Button>
          )}
        </Space>
      }
    >
      {agreement ? (
        <AgreementBody agreement={agreement} onCheck={checkable ? setChecking : undefined} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskMediation.agreement.none')} />
      )}
      {drafting && <AgreementDialog dispute={dispute} latest={latest.data ?? null} onClose={() => setDrafting(false)} />}
      {checking && <InstalmentCheckDialog disputeId={dispute.id} instalment={checking} onClose={() => setChecking(null)} />}
    </Card>
  );
}

function PdfLinks({ dispute, agreement }: { dispute: Dispute; agreement: Agreement }) {
  const { t } = useI18n();
  const href = (lang: string) => `/api/mediation/disputes/${dispute.id}/agreement.pdf?lang=${lang}&version=${agreement.version}`;
  return (
    <>
      <Button icon={<FilePdfOutlined />} href={href('zh-CN')} target="_blank" data-testid="agreement-pdf-zh">
        {t('deskMediation.agreement.pdf')}
      </Button>
      <Button icon={<FilePdfOutlined />} href={href('en')} target="_blank" data-testid="agreement-pdf-en">
        {t('deskMediation.agreement.pdfEn')}
      </Button>
    </>
  );
}

function AgreementBody({ agreement, onCheck }: { agreement: Agreement; onCheck: ((i: Instalment) => void) | undefined }) {
  const { t, date, dateTime, number } = useI18n();
  const total = agreement.schedule.reduce((sum, i) => sum + i.amount, 0);
  return (
    <Space orientation="vertical" size={12} className="fq-full">
      <Typography.Text type="secondary">
        {t('deskMediation.agreement.version', { version: agreement.version })} · {dateTime(agreement.createdAt)}
      </Typography.Text>
      <Typography.Paragraph className="fq-dispute-facts">{agreement.facts}</Typography.Paragraph>
      <Typography.Title level={5}>{t('deskMediation.agreement.terms')}</Typography.Title>
      <ol className="fq-terms">
        {agreement.terms.map((term, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: terms are numbered by their place, and the same words may stand twice
          <li key={index}>{term}</li>
        ))}
      </ol>
      {agreement.schedule.length > 0 && (
        <>
          <Typography.Title level={5}>
            {t('deskMediation.agreement.schedule')} · {t('deskMediation.agreement.total', { amount: number(total) })}
          </Typography.Title>
          <Table<Instalment>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={agreement.schedule}
            columns={[
              { key: 'seq', title: '#', dataIndex: 'seq', width: 48 },
              { key: 'due', title: t('deskMediation.agreement.due'), render: (_, i) => date(i.dueDate) },
              { key: 'what', title: t('deskMediation.agreement.what'), dataIndex: 'what' },
              { key: 'amount', title: t('deskMediation.agreement.amount'), align: 'right', render: (_, i) => number(i.amount) },
              { key: 'paid', title: t('deskMediation.agreement.paid'), align: 'right', render: (_, i) => number(i.paidAmount) },
              {
                key: 'status',
                title: t('deskMediation.agreement.status'),
                render: (_, i) => (
                  <Tag color={STATUS_COLORS[i.status]}>{t(`deskMediation.agreement.instalmentStatus.${i.status}`)}</Tag>
                ),
              },
              ...(onCheck
                ? [
                    {
                      key: 'check',
                      title: '',
                      render: (_: unknown, i: Instalment) => (
                        <Button size="small" onClick={() => onCheck(i)}>
                          {t('deskMediation.agreement.check')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Space>
  );
}
