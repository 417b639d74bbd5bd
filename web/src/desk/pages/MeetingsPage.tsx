import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'wouter';
import type { MeetingSummary } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import { useMeetings } from '../deliberation/delib-data.ts';
import { NewMeetingDialog } from '../deliberation/MeetingDialogs.tsx';
import '../deliberation/messages.ts';

/** The resident councils, discussion days and ad-hoc meetings of my area, latest first. */
export default function MeetingsPage() {
  const { t, dateTime } = useI18n();
  const meetings = useMeetings();
  const [creating, setCreating] = useState(false);
  return (
    <div className="fq-page">
      <div className="fq-page-header">
        <Typography.Title level={3}>{t('deskDelib.meetings.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('deskDelib.meetings.new')}
        </Button>
      </div>
      <Table<MeetingSummary>
        rowKey="id"
        loading={meetings.isLoading}
        dataSource={meetings.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskDelib.meetings.empty') }}
        columns={[
          { title: t('deskDelib.meetings.when'), key: 'when', width: 180, render: (_, m) => dateTime(m.startsAt) },
          {
            title: t('deskDelib.meetings.kind'),
            key: 'kind',
            width: 150,
            render: (_, m) => <Tag color={m.kind === 'property_day' ? 'red' : 'blue'}>{t(`deskDelib.kind.${m.kind}`)}</Tag>,
          },
          {
            title: t('deskDelib.meetings.meeting'),
            key: 'title',
            render: (_, m) => <Link href={`/meetings/${m.id}`}>{m.title}</Link>,
          },
          { title: t('deskDelib.meetings.estate'), key: 'estate', render: (_, m) => m.estateName ?? m.communityName },
          { title: t('deskDelib.meetings.agenda'), dataIndex: 'agendaCount', width: 80, align: 'right' },
          { title: t('deskDelib.meetings.attendance'), dataIndex: 'attendanceCount', width: 80, align: 'right' },
          { title: t('deskDelib.meetings.resolutions'), dataIndex: 'resolutionCount', width: 80, align: 'right' },
          {
            title: t('deskDelib.meetings.status'),
            key: 'status',
            width: 100,
            render: (_, m) => t(`deskDelib.meetings.statusValue.${m.status}`),
          },
        ]}
      />
      {creating && <NewMeetingDialog onClose={() => setCreating(false)} />}
    </div>
  );
}
