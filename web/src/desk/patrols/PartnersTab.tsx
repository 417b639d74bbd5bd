import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { PartnerStatus, PatrolPartner } from '../../shared/patrol-types.ts';
import { useArea } from '../cases/reference-data.ts';
import { usePartners, usePatrolWrite, useTeams } from './patrol-data.ts';

const STATUSES: PartnerStatus[] = ['applied', 'approved', 'declined'];

/** Applications to approve or decline, and the approved partners with their teams. */
export function PartnersTab({ communityId }: { communityId: string | undefined }) {
  const { t, date, number } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<PartnerStatus>('applied');
  const partners = usePartners({ status, communityId });
  const teams = useTeams(communityId);
  const [approving, setApproving] = useState<PatrolPartner | null>(null);
  const [declining, setDeclining] = useState<PatrolPartner | null>(null);
  const move = usePatrolWrite<{ id: string; teamId: string | null }>(
    ({ id }) => `/api/patrols/partners/${id}/team`,
    'POST',
    ({ teamId }) => ({ teamId }),
  );
  const teamOptions = (partnerCommunity: string) =>
    (teams.data ?? [])
      .filter((team) => team.communityId === partnerCommunity)
      .map((team) => ({ value: team.id, label: team.name }));

  const columns = [
    {
      key: 'name',
      title: t('deskPatrols.partners.name'),
      render: (_: unknown, p: PatrolPartner) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.name}</Typography.Text>
          <Typography.Text type="secondary">{p.phone ?? ''}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'where',
      title: t('deskPatrols.partners.where'),
      render: (_: unknown, p: PatrolPartner) => [p.communityName, p.estateName].filter(Boolean).join(' · '),
    },
    {
      key: 'skills',
      title: t('deskPatrols.partners.skills'),
      render: (_: unknown, p: PatrolPartner) => (
        <Space size={[0, 4]} wrap>
          {p.skills.map((skill) => (
            <Tag key={skill}>{t(`deskPatrols.skill.${skill}`)}</Tag>
          ))}
          {p.availability.map((when) => (
            <Tag key={when} color="blue">
              {t(`deskPatrols.availability.${when}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'applied', title: t('deskPatrols.partners.applied'), render: (_: unknown, p: PatrolPartner) => date(p.appliedAt) },
    ...(status === 'approved'
      ? [
          {
            key: 'team',
            title: t('deskPatrols.partners.team'),
            render: (_: unknown, p: PatrolPartner) => (
              <Select
                aria-label={t('deskPatrols.partners.teamOf', { name: p.name })}
                style={{ width: 180 }}
                allowClear
                placeholder={t('deskPatrols.partners.noTeam')}
                value={p.teamId ?? undefined}
                options={teamOptions(p.communityId)}
                onChange={(teamId) =>
                  move.mutate(
                    { id: p.id, teamId: teamId ?? null },
                    { onError: (error) => void message.error(errorMessage(t, error)) },
                  )
                }
              />
            ),
          },
          {
            key: 'activity',
            title: t('deskPatrols.partners.activity'),
            render: (_: unknown, p: PatrolPartner) =>
              t('deskPatrols.partners.activityText', {
                runs: number(p.activity.runs),
                checkins: number(p.activity.checkins),
                findings: number(p.activity.findings),
              }),
          },
        ]
      : []),
    ...(status === 'declined'
      ? [{ key: 'reason', title: t('deskPatrols.partners.reason'), render: (_: unknown, p: PatrolPartner) => p.declineReason }]
      : []),
    ...(status === 'applied'
      ? [
          {
            key: 'actions',
            title: t('deskPatrols.actions'),
            render: (_: unknown, p: PatrolPartner) => (
              <Space>
                <Button type="primary" size="small" onClick={() => setApproving(p)}>
                  {t('deskPatrols.partners.approve')}
                </Button>
                <Button size="small" danger onClick={() => setDeclining(p)}>
                  {t('deskPatrols.partners.decline')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <InviteLink communityId={communityId} />
      <Segmented
        className="fq-gap"
        value={status}
        onChange={(value) => setStatus(value as PartnerStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`deskPatrols.status.${s}`) }))}
      />
      <Table
        rowKey="id"
        size="middle"
        loading={partners.isLoading}
        dataSource={partners.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('deskPatrols.partners.none') }}
      />
      {approving && (
        <ApproveDialog partner={approving} teams={teamOptions(approving.communityId)} onClose={() => setApproving(null)} />
      )}
      {declining && <DeclineDialog partner={declining} onClose={() => setDeclining(null)} />}
    </>
  );
}

/** The link a community puts on its posters (as a QR code): it opens the application for that community. */
function InviteLink({ communityId }: { communityId: string | undefined }) {
  const { t } = useI18n();
  const area = useArea(communityId);
  if (area.data?.level !== 'community') return null;
  const link = `${window.location.origin}/patrol?community=${area.data.id}&name=${encodeURIComponent(area.data.name)}`;
  return (
    <Card size="small" className="fq-gap fq-invite">
      <Typography.Text type="secondary">{t('deskPatrols.partners.invite', { community: area.data.name })}</Typography.Text>
      <Typography.Paragraph copyable={{ text: link }} className="fq-invite-link" data-testid="invite-link">
        {link}
      </Typography.Paragraph>
    </Card>
  );
}

function ApproveDialog({
  partner,
  teams,
  onClose,
}: {
  partner: PatrolPartner;
  teams: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [teamId, setTeamId] = useState<string | undefined>(teams[0]?.value);
  const approve = usePatrolWrite<{ teamId?: string }>(() => `/api/patrols/partners/${partner.id}/approve`);
  return (
    <Modal
      open
      title={t('deskPatrols.partners.approveTitle', { name: partner.name })}
      okText={t('deskPatrols.partners.approve')}
      cancelText={t('common.cancel')}
      confirmLoading={approve.isPending}
      onCancel={onClose}
      onOk={() =>
        approve.mutate(teamId ? { teamId } : {}, {
          onSuccess: () => {
            void message.success(t('deskPatrols.partners.approved', { name: partner.name }));
            onClose();
          },
          onError: (error) => void message.error(errorMessage(t, error)),
        })
      }
    >
      <Form layout="vertical">
        <Form.Item label={t('deskPatrols.partners.team')} extra={t('deskPatrols.partners.teamHint')}>
          <Select
            aria-label={t('deskPatrols.partners.team')}
            allowClear
            value={teamId}
            onChange={setTeamId}
            options={teams}
            placeholder={t('deskPatrols.partners.noTeam')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DeclineDialog({ partner, onClose }: { partner: PatrolPartner; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decline = usePatrolWrite<{ reason: string }>(() => `/api/patrols/partners/${partner.id}/decline`);
  return (
    <Modal
      open
      title={t('deskPatrols.partners.declineTitle', { name: partner.name })}
      okText={t('deskPatrols.partners.decline')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={decline.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          decline.mutate(
            { reason: values.reason.trim() },
            { onSuccess: onClose, onError: (error) => void message.error(errorMessage(t, error)) },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('deskPatrols.partners.reason')}
          rules={[{ required: true, whitespace: true, message: t('deskPatrols.partners.reasonMissing') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
