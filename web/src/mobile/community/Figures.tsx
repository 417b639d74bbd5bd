import { useI18n } from '../../shared/i18n.tsx';

/** Minutes as hours with one decimal: 90 -> 1.5. */
export const hours = (minutes: number) => Math.round(minutes / 6) / 10;

/** A row of big numbers with their labels, as on a volunteer's card. */
export function Figures({ items }: { items: { label: string; value: string | number }[] }) {
  const { number } = useI18n();
  return (
    <dl className="fq-cs-figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{typeof item.value === 'number' ? number(item.value) : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
