import { Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import type { TopicSummary } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useTopics } from '../deliberation/delib-data.ts';
import { StepTag } from '../deliberation/StepTags.tsx';

const STEPS = ['proposed', 'discussing', 'concluded', 'acting', 'evaluating', 'closed', 'merged', 'declined'];

/** Topics residents proposed in my area, with the step each has reached. */
export default function TopicsPage() {
  const { t, date } = useI18n();
  const [step, setStep] = useState<string>();
  const [open, setOpen] = useState('true');
  const [q, setQ] = useState<string>();
  const topics = useTopics({ step, open: open === 'true' ? 'true' : undefined, q });
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskDelib.topics.title')}</Typography.Title>
        <Space wrap>
          <Segmented
            value={open}
            onChange={(value) => setOpen(String(value))}
            options={[
              { value: 'true', label: t('deskDelib.topics.openOnly') },
              { value: 'false', label: t('deskDelib.topics.allSteps') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('deskDelib.topics.step')}
            style={{ width: 160 }}
            value={step}
            onChange={setStep}
            options={STEPS.map((s) => ({ value: s, label: t(`deskDelib.step.${s}`) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('deskDelib.topics.search')}
            onSearch={(value) => setQ(value || undefined)}
            style={{ width: 220 }}
          />
        </Space>
      </div>
      <Table<TopicSummary>
        rowKey="id"
        loading={topics.isLoading}
        dataSource={topics.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskDelib.topics.empty') }}
        columns={[
          { title: t('deskDelib.topics.number'), dataIndex: 'number', width: 110 },
          {
            title: t('deskDelib.topics.topic'),
            key: 'title',
            render: (_, topic) => <Link href={`/topics/${topic.id}`}>{topic.title}</Link>,
          },
          {
            title: t('deskDelib.topics.estate'),
            key: 'estate',
            render: (_, topic) => [topic.estateName, topic.buildingName].filter(Boolean).join(' '),
          },
          { title: t('deskDelib.topics.step'), key: 'step', render: (_, topic) => <StepTag step={topic.step} />, width: 130 },
          { title: t('deskDelib.topics.supports'), dataIndex: 'supportCount', width: 90, align: 'right' },
          {
            title: t('deskDelib.topics.rating'),
            key: 'rating',
            width: 90,
            align: 'right',
            render: (_, topic) => (topic.ratingAverage === null ? '—' : topic.ratingAverage.toFixed(1)),
          },
          { title: t('deskDelib.topics.updated'), key: 'updated', width: 160, render: (_, topic) => date(topic.updatedAt) },
        ]}
      />
    </div>
  );
}
