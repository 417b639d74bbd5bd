import type { ReactNode } from 'react';
import { useId } from 'react';

interface Props<T extends string> {
  legend: ReactNode;
  options: readonly T[];
  value: T[];
  onChange: (value: T[]) => void;
  label: (option: T) => string;
  error?: string | undefined;
}

/** Several choices among a few, as chips: native checkboxes in a fieldset, like Choice's radios. */
export function MultiChoice<T extends string>({ legend, options, value, onChange, label, error }: Props<T>) {
  const errorId = useId();
  return (
    <fieldset className="fq-field" aria-describedby={error ? errorId : undefined} aria-invalid={Boolean(error)}>
      <legend className="fq-legend">{legend}</legend>
      <div className="fq-chips">
        {options.map((option) => (
          <label key={option} className="fq-chip">
            <input
              type="checkbox"
              value={option}
              checked={value.includes(option)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, option] : value.filter((chosen) => chosen !== option))
              }
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="fq-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
