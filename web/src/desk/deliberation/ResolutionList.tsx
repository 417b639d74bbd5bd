import { Empty, List, Space, Tag } from 'antd';
import { Link } from 'wouter';
import type { Topic } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';

type Resolution = Topic['resolutions'][number];

/** Resolutions with who carries them out, by when, and their follow-up case as it stands. */
export function ResolutionList({ resolutions }: { resolutions: readonly Resolution[] }) {
  const { t, date } = useI18n();
  if (resolutions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deskDelib.topic.none')} />;
  return (
    <List
      dataSource={[...resolutions]}
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta
            title={r.text}
            description={
              <Space wrap size={4}>
                <Tag>{r.ownerParty}</Tag>
                <span>{t('deskDelib.topic.due', { date: date(r.dueOn) })}</span>
                {r.caseId && (
                  <Link href={`/cases/${r.caseId}`}>
                    {t('deskDelib.topic.followUp', { number: r.caseNumber ?? '' })}
                    {r.caseState ? ` · ${t(`case.state.${r.caseState}`)}` : ''}
                  </Link>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
