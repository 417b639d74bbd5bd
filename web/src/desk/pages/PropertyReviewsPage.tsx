import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { CRITERIA, PARTIES, type PartyScores, type Review, type ReviewEstate } from '../../shared/property-score-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import '../property-scores/messages.ts';
import { MonthSelect } from '../property-scores/MonthSelect.tsx';
import { lastMonth, useReviewEstates, useReviews, useScoreWrite } from '../property-scores/score-data.ts';

interface ReviewForm {
  heldOn: string;
  scores: PartyScores[];
  comments?: string;
  meetingId?: string;
}
interface Row extends ReviewEstate {
  review: Review | undefined;
}

const PARTY_WIDTH = 240;
const SCORE_WIDTH = 100;

const average = (scores: PartyScores[]) =>
  Math.round(
    (scores.flatMap((p) => CRITERIA.map((c) => p.scores[c])).reduce((a, b) => a + b, 0) / (scores.length * CRITERIA.length)) * 10,
  ) / 10;

/** The month's discussion-day reviews of every estate the person may review: entered, or waiting to be. */
export default function PropertyReviewsPage() {
  const { t, number, date } = useI18n();
  const [month, setMonth] = useState(lastMonth());
  const estates = useReviewEstates();
  const reviews = useReviews(month);
  const [editing, setEditing] = useState<Row | null>(null);
  const rows: Row[] = (estates.data ?? []).map((e) => ({
    ...e,
    review: reviews.data?.find((r) => r.estateId === e.id && r.companyId === e.companyId),
  }));

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskScores.reviewsTitle')}</Typography.Title>
        <MonthSelect value={month} onChange={setMonth} />
      </div>
      <Typography.Paragraph type="secondary">{t('deskScores.reviewsIntro')}</Typography.Paragraph>
      {(estates.error || reviews.error) && (
        <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, estates.error ?? reviews.error)} />
      )}
      <Card variant="borderless">
        <Table<Row>
          rowKey="id"
          size="small"
          loading={estates.isLoading || reviews.isFetching}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'community', title: t('deskScores.col.community'), dataIndex: 'communityName' },
            { key: 'estate', title: t('deskScores.col.estate'), dataIndex: 'name' },
            { key: 'company', title: t('deskScores.col.company'), dataIndex: 'companyName' },
            {
              key: 'status',
              title: t('deskScores.review.title'),
              render: (_, r) =>
                r.review ? <Tag color="green">{t('deskScores.reviewed')}</Tag> : <Tag>{t('deskScores.notReviewed')}</Tag>,
            },
            { key: 'heldOn', title: t('deskScores.review.heldOn'), render: (_, r) => date(r.review?.heldOn) },
            {
              key: 'average',
              title: t('deskScores.average'),
              align: 'right',
              render: (_, r) => (r.review ? number(average(r.review.scores)) : '—'),
            },
            {
              key: 'action',
              title: '',
              render: (_, r) => (
                <Button
                  size="small"
                  icon={r.review ? <EditOutlined /> : <PlusOutlined />}
                  onClick={() => setEditing(r)}
                  data-testid={`review-${r.id}`}
                >
                  {r.review ? t('deskScores.edit') : t('deskScores.enter')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && <ReviewDialog row={editing} month={month} onClose={() => setEditing(null)} />}
    </div>
  );
}

function ReviewDialog({ row, month, onClose }: { row: Row; month: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReviewForm>();
  const save = useScoreWrite<ReviewForm & { companyId: string; estateId: string; month: string }>(
    '/api/property-scores/reviews',
    'PUT',
    { form, success: t('deskScores.reviewSaved'), onDone: onClose },
  );
  const blank = (party: PartyScores['party']): PartyScores => ({
    party,
    scores: Object.fromEntries(CRITERIA.map((c) => [c, 80])) as PartyScores['scores'],
  });
  const initial: ReviewForm = row.review
    ? { heldOn: row.review.heldOn, scores: row.review.scores, comments: row.review.comments ?? undefined }
    : { heldOn: '', scores: [blank('party_organisation'), blank('residents_committee'), blank('owners_committee')] };
  return (
    <FormDialog<ReviewForm>
      title={`${row.review ? t('deskScores.edit') : t('deskScores.enter')} · ${row.name} · ${row.companyName} · ${month}`}
      form={form}
      width={980}
      saving={save.isPending}
      onClose={onClose}
      initialValues={initial}
      onFinish={(v) =>
        save.mutate({
          ...v,
          comments: v.comments || undefined,
          meetingId: v.meetingId || undefined,
          companyId: row.companyId,
          estateId: row.id,
          month,
        })
      }
    >
      <Form.Item name="heldOn" label={t('deskScores.review.heldOn')} rules={[{ required: true }]}>
        <Input type="date" style={{ width: 180 }} data-testid="review-held-on" />
      </Form.Item>
      <Form.List name="scores">
        {(fields, { add, remove }) => (
          <>
            {/* The column names once, above the parties' rows. */}
            <Space align="end" className="fq-review-head">
              <span style={{ width: PARTY_WIDTH }}>{t('deskScores.partiesPresent')}</span>
              {CRITERIA.map((c) => (
                <span key={c} style={{ width: SCORE_WIDTH }}>
                  {t(`deskScores.criterion.${c}`)}
                </span>
              ))}
            </Space>
            {fields.map((field) => (
              <Space key={field.key} align="start">
                <Form.Item name={[field.name, 'party']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: PARTY_WIDTH }}
                    aria-label={t('deskScores.partiesPresent')}
                    options={PARTIES.map((p) => ({ value: p, label: t(`deskScores.party.${p}`) }))}
                  />
                </Form.Item>
                {CRITERIA.map((c) => (
                  <Form.Item key={c} name={[field.name, 'scores', c]} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} style={{ width: SCORE_WIDTH }} aria-label={t(`deskScores.criterion.${c}`)} />
                  </Form.Item>
                ))}
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} />
              </Space>
            ))}
            {fields.length < PARTIES.length && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const used = new Set((form.getFieldValue('scores') as PartyScores[]).map((s) => s?.party));
                  add(blank(PARTIES.find((p) => !used.has(p)) ?? 'residents_representative'));
                }}
                className="fq-gap"
                block
              >
                {t('deskScores.addParty')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item name="comments" label={t('deskScores.review.comments')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="meetingId" label={t('deskScores.meetingId')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
