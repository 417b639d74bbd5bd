import { FIVE_STEPS, type TopicStep } from '../../shared/deliberation-types.ts';
import { useI18n } from '../../shared/i18n.tsx';

/** The five steps as a bar, the ones reached in colour; a merged or declined topic stops grey. */
export function StepsBar({ step }: { step: TopicStep }) {
  const { t } = useI18n();
  const reached = step === 'closed' ? FIVE_STEPS.length : FIVE_STEPS.indexOf(step as (typeof FIVE_STEPS)[number]) + 1;
  const stopped = step === 'merged' || step === 'declined';
  return (
    <ol className="fq-delib-steps" aria-label={t(`delib.step.${step}`)}>
      {FIVE_STEPS.map((s, i) => (
        <li
          key={s}
          className={stopped ? (i === 0 ? 'fq-stopped' : '') : i < reached ? 'fq-done' : ''}
          aria-current={i === reached - 1 ? 'step' : undefined}
        >
          {t(`delib.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
