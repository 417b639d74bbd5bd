import { useState } from 'react';
import { useI18n } from '../../shared/i18n.tsx';
import type { Category } from '../../shared/types.ts';
import { Choice } from './Choice.tsx';
import './messages.ts';

interface Props {
  categories: Category[];
  /** The chosen subcategory. */
  value: string | null;
  onChange: (categoryId: string) => void;
  error?: string | undefined;
}

/** Two rows of choices: the kind of problem, then what exactly. */
export function CategoryPicker({ categories, value, onChange, error }: Props) {
  const { t, pick } = useI18n();
  const chosenGroup = categories.find((group) => group.children.some((child) => child.id === value));
  const [groupId, setGroupId] = useState<string | null>(chosenGroup?.id ?? null);
  const group = categories.find((c) => c.id === groupId);
  const names = new Map(
    categories.flatMap((c) => [[c.id, pick(c)] as const, ...c.children.map((d) => [d.id, pick(d)] as const)]),
  );
  const nameOf = (id: string) => names.get(id) ?? id;

  return (
    <>
      <Choice
        legend={
          <>
            {t('report.category.legend')} <span className="fq-required">{t('report.requiredMark')}</span>
          </>
        }
        options={categories.map((c) => c.id)}
        value={groupId}
        onChange={setGroupId}
        label={nameOf}
        error={group ? undefined : error}
      />
      {group && (
        <Choice
          legend={t('report.category.detail', { group: pick(group) })}
          className="fq-subfield"
          options={group.children.map((c) => c.id)}
          value={value}
          onChange={onChange}
          label={nameOf}
          error={error}
        />
      )}
    </>
  );
}
