import { Steps, Tag } from 'antd';
import { FIVE_STEPS, type TopicStep } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';
import './messages.ts';

const COLOURS: Record<TopicStep, string> = {
  proposed: 'blue',
  discussing: 'geekblue',
  concluded: 'purple',
  acting: 'orange',
  evaluating: 'gold',
  closed: 'green',
  merged: 'default',
  declined: 'red',
};

export function StepTag({ step }: { step: TopicStep }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[step]}>{t(`deskDelib.step.${step}`)}</Tag>;
}

/** The five steps with the topic's place among them; a merged or declined topic shows where it stopped. */
export function FiveSteps({ step, size = 'default' }: { step: TopicStep; size?: 'default' | 'small' }) {
  const { t } = useI18n();
  const index = step === 'closed' ? FIVE_STEPS.length : FIVE_STEPS.indexOf(step as (typeof FIVE_STEPS)[number]);
  const stopped = step === 'merged' || step === 'declined';
  return (
    <Steps
      size={size}
      current={stopped ? 0 : index}
      status={stopped ? 'error' : step === 'closed' ? 'finish' : 'process'}
      items={FIVE_STEPS.map((s) => ({ title: t(`deskDelib.step.${s}`) }))}
    />
  );
}
