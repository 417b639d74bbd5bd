import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import { COMPONENTS, type WeightsVersion } from '../../shared/property-score-types.ts';
import { FormDialog } from '../FormDialog.tsx';
import '../property-scores/messages.ts';
import { MonthSelect } from '../property-scores/MonthSelect.tsx';
import { useScoreWrite, useWeights } from '../property-scores/score-data.ts';

type WeightsForm = Pick<WeightsVersion, 'weights' | 'bands' | 'note'> & { effectiveFrom: string };

/** The versions of the weights and grade bands; the housing department adds one from a month on. */
export default function PropertyWeightsPage() {
  const { t, date } = useI18n();
  const weights = useWeights();
  const [editing, setEditing] = useState(false);
  const current = weights.data?.items.find((w) => w.id === weights.data?.currentId);

  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskScores.weightsTitle')}</Typography.Title>
        {weights.data?.canConfigure && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} data-testid="weights-new">
            {t('deskScores.newVersion')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('deskScores.weightsIntro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('deskScores.formula')}</Typography.Paragraph>
      {weights.error && <Alert className="fq-gap" type="error" showIcon title={errorMessage(t, weights.error)} />}
      <Card variant="borderless">
        <Table<WeightsVersion>
          rowKey="id"
          size="small"
          loading={weights.isLoading}
          dataSource={weights.data?.items ?? []}
          pagination={false}
          columns={[
            {
              key: 'version',
              title: t('deskScores.version'),
              render: (_, w) => (
                <Space>
                  <span>v{w.version}</span>
                  {w.id === weights.data?.currentId && <Tag color="green">{t('deskScores.current')}</Tag>}
                  {w.isDefault && <Tag>{t('deskScores.default')}</Tag>}
                </Space>
              ),
            },
            { key: 'from', title: t('deskScores.effectiveFrom'), render: (_, w) => (w.isDefault ? '—' : w.effectiveFrom) },
            ...COMPONENTS.map((c) => ({
              key: c,
              title: t(`deskScores.component.${c}`),
              align: 'right' as const,
              render: (_: unknown, w: WeightsVersion) => `${w.weights[c]}%`,
            })),
            { key: 'bands', title: t('deskScores.bands'), render: (_, w) => t('deskScores.bandsText', w.bands) },
            { key: 'note', title: t('deskScores.note'), render: (_, w) => (w.isDefault ? '' : w.note) },
            { key: 'at', title: '', render: (_, w) => (w.isDefault ? '' : date(w.createdAt)) },
          ]}
        />
      </Card>
      {editing && current && <WeightsDialog current={current} onClose={() => setEditing(false)} />}
    </div>
  );
}

function WeightsDialog({ current, onClose }: { current: WeightsVersion; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<WeightsForm>();
  const save = useScoreWrite<WeightsForm, WeightsVersion>('/api/property-scores/weights', 'POST', {
    form,
    onDone: onClose,
  });
  const values = Form.useWatch('weights', form);
  const sum = COMPONENTS.reduce((total, c) => total + Number(values?.[c] ?? 0), 0);
  const thisMonth = new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  return (
    <FormDialog<WeightsForm>
      title={t('deskScores.newVersion')}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      onFinish={(v) => save.mutate(v)}
      initialValues={{ weights: current.weights, bands: current.bands, effectiveFrom: thisMonth }}
    >
      <Space wrap>
        {COMPONENTS.map((c) => (
          <Form.Item key={c} name={['weights', c]} label={t(`deskScores.component.${c}`)} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" />
          </Form.Item>
        ))}
      </Space>
      <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'}>{t('deskScores.sum', { sum })}</Typography.Paragraph>
      <Typography.Paragraph strong>{t('deskScores.bands')}</Typography.Paragraph>
      <Space wrap>
        {(['A', 'B', 'C'] as const).map((g) => (
          <Form.Item key={g} name={['bands', g]} label={`${g} ≥`} rules={[{ required: true }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="effectiveFrom" label={t('deskScores.effectiveFrom')} rules={[{ required: true }]}>
        <MonthPicker />
      </Form.Item>
      <Form.Item name="note" label={t('deskScores.note')}>
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

/** MonthSelect as a form control. */
function MonthPicker({ value, onChange }: { value?: string; onChange?: (month: string) => void }) {
  return <MonthSelect value={value} onChange={(m) => onChange?.(m)} future />;
}
