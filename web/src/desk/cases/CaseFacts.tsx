import { Descriptions, Rate, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import { DeadlineTag, PriorityTag, StateTag } from './CaseTags.tsx';
import { PhotoGallery } from './PhotoGallery.tsx';

const dash = <span className="fq-muted">—</span>;

/** Every field of the case, in the order a handler reads them. */
export function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t, pick, dateTime } = useI18n();
  const f = (key: string) => t(`deskCases.fields.${key}`);
  const item = (key: string, children: ReactNode, span = 1) => ({ key, label: f(key), children: children ?? dash, span });
  const place = [detail.communityName, detail.gridName, detail.buildingName].filter(Boolean).join(' / ');
  const response = detail.response.firstContactAt
    ? t('deskCases.detail.contactedAt', { at: dateTime(detail.response.firstContactAt) })
    : detail.response.dueAt
      ? t('deskCases.detail.contactBy', { at: dateTime(detail.response.dueAt) })
      : null;

  const items = [
    item('state', <StateTag state={detail.state} />),
    item('category', `${pick(detail.category)} · ${t(`case.kind.${detail.kind}`)}`),
    item('priority', <PriorityTag priority={detail.priority} />),
    item('source', t(`case.source.${detail.source}`)),
    item('tier', t(`case.tier.${detail.tier}`)),
    item('assignee', detail.assignee.name),
    item('place', place || null),
    item('address', detail.address),
    item('created', dateTime(detail.createdAt)),
    item(
      'deadline',
      <span>
        <DeadlineTag deadline={detail.deadline} />
        {detail.deadline.remainingWorkingDays !== null && (
          <span className="fq-muted"> {t('deskCases.detail.remaining', { days: detail.deadline.remainingWorkingDays })}</span>
        )}
      </span>,
    ),
    item(
      'response',
      response && (
        <Typography.Text type={detail.response.overdue && !detail.response.firstContactAt ? 'danger' : undefined}>
          {response}
        </Typography.Text>
      ),
      2,
    ),
    item(
      'counts',
      t('deskCases.detail.counts', {
        urged: detail.urgeCount,
        escalated: detail.escalationCount,
        returned: detail.returnedCount,
      }),
      2,
    ),
    item('description', <div className="fq-pre">{detail.description}</div>, 2),
  ];
  if (detail.resolution) {
    const solved = detail.solvedTier ? ` (${t('deskCases.detail.solvedAt', { tier: t(`case.tier.${detail.solvedTier}`) })})` : '';
    items.push(item('resolution', <div className="fq-pre">{`${detail.resolution}${solved}`}</div>, 2));
  }
  if (detail.rating !== null) {
    items.push(
      item(
        'rating',
        <span>
          <Rate disabled value={detail.rating} />{' '}
          {detail.ratingComment && <span className="fq-muted">{detail.ratingComment}</span>}
        </span>,
        2,
      ),
    );
  }
  if (detail.rejectReason) items.push(item('rejectReason', detail.rejectReason, 2));
  if (detail.closedAt) {
    const reason = detail.closeReason ? t(`deskCases.closeReason.${detail.closeReason}`) : '';
    items.push(item('closed', `${dateTime(detail.closedAt)} ${reason}`, 2));
  }
  if (detail.mergedInto) {
    items.push(item('mergedInto', <Link href={`/cases/${detail.mergedInto.id}`}>{detail.mergedInto.number}</Link>, 2));
  }
  return <Descriptions bordered size="small" column={2} items={items} styles={{ label: { whiteSpace: 'nowrap', width: 120 } }} />;
}

export function CasePhotos({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  if (!detail.photos.length) return <Typography.Text type="secondary">{t('deskCases.detail.noPhotos')}</Typography.Text>;
  return <PhotoGallery photos={detail.photos} />;
}

/** Who reported it, as far as the caller may know, and every contact made with them. */
export function CaseReporter({ detail }: { detail: CaseDetail }) {
  const { t, dateTime } = useI18n();
  const { reporter } = detail;
  const who =
    reporter.anonymous && !reporter.name ? t('deskCases.detail.anonymous') : (reporter.name ?? t('deskCases.detail.noName'));
  return (
    <div className="fq-reporter">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('deskCases.fields.reporter'), children: who },
          { key: 'phone', label: t('deskCases.fields.phone'), children: reporter.phone ?? dash },
        ]}
      />
      {reporter.masked && reporter.phone && <Typography.Text type="secondary">{t('deskCases.detail.masked')}</Typography.Text>}
      <Typography.Title level={5} className="fq-subtitle">
        {t('deskCases.detail.contacts')}
      </Typography.Title>
      {detail.contacts.length === 0 ? (
        <Typography.Text type="secondary">{t('deskCases.detail.noContacts')}</Typography.Text>
      ) : (
        detail.contacts.map((contact) => (
          <div key={contact.id} className="fq-contact">
            <Typography.Text strong>
              {t(`deskCases.channel.${contact.channel}`)} · {contact.by?.name}
            </Typography.Text>
            <Typography.Text type="secondary"> {dateTime(contact.at)}</Typography.Text>
            <div>{contact.note}</div>
          </div>
        ))
      )}
    </div>
  );
}
