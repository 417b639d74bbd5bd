import { type ReactNode, useId } from 'react';

interface Props<T extends string> {
  legend: ReactNode;
  options: readonly T[];
  value: T | null;
  onChange: (value: T) => void;
  label: (option: T) => string;
  error?: string | undefined;
  className?: string;
}

/**
 * One choice among a few, shown as chips: native radio buttons in a fieldset, so arrow keys move
 * between them and a screen reader names the group, the choice and any error.
 */
export function Choice<T extends string>({ legend, options, value, onChange, label, error, className }: Props<T>) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={`fq-field${className ? ` ${className}` : ''}`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={Boolean(error)}
    >
      <legend className="fq-legend">{legend}</legend>
      <div className="fq-chips">
        {options.map((option) => (
          <label key={option} className="fq-chip">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
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
