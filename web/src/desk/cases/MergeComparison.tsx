import { Image, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { CaseDetail } from '../../shared/types.ts';
import { DeadlineTag, StateTag } from './CaseTags.tsx';

interface Row {
  key: string;
  label: string;
  same: boolean;
  duplicate: ReactNode;
  kept: ReactNode;
}

/** The duplicate and the case it would join, field by field: agreeing fields are marked, differing ones shaded. */
export function MergeComparison({ duplicate, kept }: { duplicate: CaseDetail; kept: CaseDetail }) {
  const { t, pick, dateTime } = useI18n();
  const place = (c: CaseDetail) => [c.gridName, c.buildingName].filter(Boolean).join(' / ') || '—';
  const photos = (c: CaseDetail) =>
    c.photos.length ? (
      <div className="fq-photos">
        {c.photos.slice(0, 4).map((photo) => (
          <Image key={photo.id} width={56} height={56} src={photo.thumbnailUrl} preview={{ src: photo.url }} alt="" />
        ))}
      </div>
    ) : (
      '—'
    );
  const row = (key: string, of: (c: CaseDetail) => ReactNode, compare: (c: CaseDetail) => unknown = of): Row => ({
    key,
    label: t(`deskCases.fields.${key}`),
    same: compare(duplicate) === compare(kept),
    duplicate: of(duplicate),
    kept: of(kept),
  });
  const rows: Row[] = [
    // Numbers always differ: that row is for reading, not for comparing.
    row(
      'number',
      (c) => c.number,
      () => 'number',
    ),
    row('title', (c) => c.title),
    row(
      'description',
      (c) => <div className="fq-pre">{c.description}</div>,
      (c) => c.description,
    ),
    row(
      'category',
      (c) => pick(c.category),
      (c) => c.category.id,
    ),
    row(
      'state',
      (c) => <StateTag state={c.state} />,
      (c) => c.state,
    ),
    row('place', place),
    row('address', (c) => c.address ?? '—'),
    row('source', (c) => t(`case.source.${c.source}`)),
    row('created', (c) => dateTime(c.createdAt)),
    row(
      'deadline',
      (c) => <DeadlineTag deadline={c.deadline} />,
      (c) => c.deadline.dueDate,
    ),
    row('photos', photos, (c) => c.photos.length),
  ];
  const sameTag = (same: boolean) => (same ? <Tag color="green">{t('deskCases.merge.same')}</Tag> : null);
  return (
    <Table<Row>
      className="fq-merge-table"
      size="small"
      pagination={false}
      bordered
      dataSource={rows}
      rowClassName={(r) => (r.same ? 'fq-same' : 'fq-diff')}
      columns={[
        { key: 'label', title: '', width: 120, render: (_, r) => <span className="fq-nowrap">{r.label}</span> },
        { key: 'duplicate', title: t('deskCases.merge.duplicate'), render: (_, r) => r.duplicate },
        { key: 'kept', title: t('deskCases.merge.kept'), render: (_, r) => r.kept },
        { key: 'same', title: '', width: 88, render: (_, r) => (r.key === 'number' ? null : sameTag(r.same)) },
      ]}
    />
  );
}
