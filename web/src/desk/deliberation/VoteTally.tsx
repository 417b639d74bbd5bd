import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { Vote } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** A vote's rule and its count: turnout against the quorum, approval against the threshold, by households and area. */
export function VoteTally({ vote }: { vote: Vote }) {
  const { t, number } = useI18n();
  const { tally } = vote;
  const byArea = vote.weighting === 'household_and_area';
  const base = vote.passBase === 'participating' ? tally.participating : tally.electorate;
  const fraction = (f: { num: number; den: number }) => `${f.num}/${f.den}`;
  return (
    <Space orientation="vertical" className="fq-full fq-delib-tally">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('deskDelib.vote.weighting')}>{t(`deskDelib.weighting.${vote.weighting}`)}</Descriptions.Item>
        <Descriptions.Item label={t('deskDelib.vote.quorum')}>{fraction(vote.quorum)}</Descriptions.Item>
        <Descriptions.Item label={t('deskDelib.vote.pass')}>
          {t('deskDelib.vote.passRule', {
            base: t(`deskDelib.vote.passBase.${vote.passBase}`),
            cmp: vote.passStrict ? t('deskDelib.vote.strict') : t('deskDelib.vote.atLeast'),
            f: fraction(vote.pass),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('deskDelib.vote.electorate')}>
          {t('deskDelib.vote.households', { n: tally.electorate.households })}
          {byArea ? ` · ${t('deskDelib.vote.area', { n: number(tally.electorate.areaM2) })}` : ''}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text>
        {t('deskDelib.votes.turnout')} · {t('deskDelib.vote.households', { n: tally.participating.households })}{' '}
        <Tag color={tally.quorumMet ? 'green' : 'orange'}>
          {tally.quorumMet ? t('deskDelib.vote.quorumMet') : t('deskDelib.vote.quorumMissed')}
        </Tag>
      </Typography.Text>
      <Progress percent={pct(tally.participating.households, tally.electorate.households)} />
      {byArea && (
        <Progress
          percent={pct(tally.participating.areaM2, tally.electorate.areaM2)}
          strokeColor="#8c8c8c"
          format={(p) => `${p}% ㎡`}
        />
      )}
      <Typography.Text>
        {t('deskDelib.choice.yes')} {tally.yes.households} · {t('deskDelib.choice.no')} {tally.no.households} ·{' '}
        {t('deskDelib.choice.abstain')} {tally.abstain.households}
      </Typography.Text>
      <Progress percent={pct(tally.yes.households, base.households)} strokeColor="#389e0d" />
      {byArea && <Progress percent={pct(tally.yes.areaM2, base.areaM2)} strokeColor="#95de64" format={(p) => `${p}% ㎡`} />}
      <Typography.Text type="secondary">
        {t('deskDelib.vote.byChannel', tally.byChannel)}
        {tally.duplicatesIgnored > 0 ? ` · ${t('deskDelib.vote.duplicates', { n: tally.duplicatesIgnored })}` : ''}
      </Typography.Text>
    </Space>
  );
}
